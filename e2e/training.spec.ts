import { waitForBootstrap } from "./support/bootstrap";
import { expect, test } from "./support/fixtures";

test.describe.configure({ mode: "serial" });
test.beforeEach(async ({ page }) => waitForBootstrap(page));

test("training started with options registers a new version whose metrics sit next to the market's", async ({
  page,
  shoot,
}) => {
  await page.goto("/models");
  const rows = page.getByTestId("model-versions").locator("tbody tr");
  const before = await rows.count();
  const newest = Number(await rows.first().getAttribute("data-version"));

  const training = page.getByTestId("trigger-training");
  await training.getByRole("button", { name: "Training options" }).click();
  const dialog = page.getByRole("dialog", { name: "Train a random forest with options" });
  await dialog.getByLabel("Trees").fill("60");
  await dialog.getByLabel("Maximum depth").fill("8");
  await dialog.getByRole("button", { name: "Start training" }).click();
  await expect(dialog).toBeHidden();
  const follower = training.getByTestId("run-follower");
  await expect(follower).toHaveAttribute("data-status", "completed", { timeout: 110_000 });

  // The page refreshes itself when the run ends.
  await expect(rows).toHaveCount(before + 1);
  const row = page.getByTestId("model-versions").locator(`tr[data-version="${newest + 1}"]`);
  // Each regime's RPS and its difference to the market's.
  for (const regime of ["odds-free", "with-odds"])
    await expect(row.locator(`[data-regime="${regime}"]`)).toContainText(/^0\.\d{4}[+−]?0\.\d{4}$/);
  await expect(row).toContainText("forest");
  await expect(row).toContainText("2023/24 to 2025/26");
  await shoot("models");

  await row.getByRole("link", { name: `v${newest + 1}` }).click();
  await expect(page.getByRole("heading", { name: `Model v${newest + 1}`, level: 1 })).toBeVisible();
  // Each regime evaluated on its own, next to the market on the same matches.
  for (const regime of ["odds-free", "with-odds"]) {
    const section = page.getByTestId(`regime-${regime}`);
    const scores = section.getByTestId("forecaster-scores");
    await expect(scores.locator('[data-forecaster="model"]')).toContainText(/1,140\s*0\.\d{4}/);
    await expect(scores.locator('[data-forecaster="marketPreMatch"]')).toContainText(/1,140\s*0\.\d{4}/);
    await expect(section.getByTestId("season-metrics").locator("tbody tr")).toHaveCount(3);
  }
  await expect(page.locator(".recharts-line").first()).toBeVisible();
  await expect(page.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByText('"nTrees": 60').first()).toBeVisible();
  await shoot("model-detail");
});

test("a challenger is promoted by hand and the champion rolled back, both recorded in the alias history", async ({
  page,
}) => {
  await page.goto("/models");
  const champion = Number(
    await page.locator('[data-version]:has([data-alias="champion"])').getAttribute("data-version"),
  );
  const challenger = Number(
    await page.locator('[data-version]:has([data-alias="challenger"])').getAttribute("data-version"),
  );
  await page.goto(`/models/${challenger}`);

  await page.getByRole("button", { name: `Promote v${challenger} to champion` }).click();
  const promote = page.getByRole("dialog", { name: `Make v${challenger} the champion?` });
  await promote.getByLabel("Reason (optional)").fill("e2e: promoted by hand");
  await promote.getByRole("button", { name: "Promote" }).click();
  await expect(promote).toBeHidden();
  await expect(page.locator("main header").locator('[data-alias="champion"]')).toBeVisible();
  await expect(page.getByTestId("run-follower")).toHaveAttribute("data-status", "completed", { timeout: 60_000 });
  const history = page.getByTestId("alias-history");
  await expect(history).toContainText("e2e: promoted by hand");

  await page.getByRole("button", { name: `Roll back to v${champion}` }).click();
  const rollback = page.getByRole("dialog", { name: `Roll back to v${champion}?` });
  await rollback.getByRole("button", { name: "Roll back" }).click();
  await expect(rollback).toBeHidden();
  await expect(page.locator("main header").locator('[data-alias="champion"]')).toHaveCount(0);
  await expect(history.locator("tr", { hasText: "rollback" })).toContainText("rolled back by hand from the dashboard");
  await page.goto("/");
  await expect(page.getByTestId("champion-model").getByRole("link", { name: `v${champion}` })).toBeVisible();
});
