import { waitForBootstrap } from "./support/bootstrap";
import { expect, test } from "./support/fixtures";

test("a fresh install bootstraps itself and the Overview shows every part of the system", async ({ page, shoot }) => {
  test.setTimeout(240_000);
  await waitForBootstrap(page);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();

  const status = page.getByTestId("database-status");
  await expect(status).toContainText("up");
  await expect(status).toContainText("PGlite (embedded)");
  await expect(status).toContainText(/\d+\.\d{2} ms/);

  const health = page.getByTestId("component-health");
  await expect(health.locator('[data-component="Database"]')).toContainText("up");
  await expect(health.locator('[data-component="Executor"]')).toContainText("embedded · 4 functions");
  await expect(health.locator('[data-component="Inngest"]')).toContainText("not configured");

  // The champion's RPS next to the market's, both real four-decimal scores.
  const champion = page.getByTestId("champion-model");
  await expect(champion.getByRole("link", { name: /^v\d+$/ })).toBeVisible();
  // Each regime's walk-forward RPS, beside the market's on the same matches.
  for (const regime of ["odds-free", "with-odds"])
    await expect(champion.locator(`[data-regime="${regime}"]`)).toContainText(
      new RegExp(`Our RPS, ${regime}\\s*0\\.\\d{4}\\s*market 0\\.\\d{4}`),
    );

  // Each pipeline has run (the bootstrap's ETL set off the other three); other specs may have
  // run some since, so the status is whatever their last run's was, with a link to that run.
  for (const pipeline of ["etl", "training", "predictions", "scoring"]) {
    const row = page.getByTestId("last-runs").locator(`[data-pipeline="${pipeline}"]`);
    await expect(row.locator("[data-status]")).toHaveAttribute("data-status", /^(completed|failed|running|queued)$/);
    await expect(row.getByRole("link", { name: pipeline })).toHaveAttribute("href", /^\/runs\/[0-9a-f-]{36}$/);
  }
  // The bundled 2026/27 fixtures, each with the champion's three probabilities.
  const fixtures = page.getByTestId("next-fixtures").getByRole("listitem");
  await expect(fixtures).toHaveCount(6);
  await expect(fixtures.first().getByRole("img", { name: /home \d+%, draw \d+%, away \d+%/ })).toBeVisible();
  await expect(page.getByTestId("data-freshness")).toContainText("Latest result");
  await expect(page.getByTestId("schedules")).toContainText("etl");
  await expect(page.getByTestId("schedules")).toContainText(/next .* UK/);
  await shoot("overview");
});
