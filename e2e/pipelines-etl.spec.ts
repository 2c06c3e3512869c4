import { waitForBootstrap } from "./support/bootstrap";
import { expect, test } from "./support/fixtures";

test.beforeEach(async ({ page }) => waitForBootstrap(page));

test("the ETL starts from the dashboard, is followed until it ends, and its run shows every step", async ({
  page,
  shoot,
}) => {
  await page.goto("/");
  const etl = page.getByTestId("trigger-etl");
  await etl.getByRole("button", { name: "Run ETL" }).click();
  const follower = etl.getByTestId("run-follower");
  await expect(follower).toBeVisible();
  await expect(follower).toHaveAttribute("data-status", "completed", { timeout: 90_000 });
  await expect(follower.getByRole("status")).toContainText("completed");
  const runId = await follower.getAttribute("data-run-id");

  await follower.getByRole("link", { name: /^run / }).click();
  await expect(page).toHaveURL(`/runs/${runId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("etl run");
  await expect(page.getByTestId("run-summary")).toContainText("manual (pipeline/etl.requested)");
  const steps = page.getByTestId("step-waterfall");
  // plan, teams, the 33 bundled seasons, this season live (not published at the stand-in: a 404
  // that is no failure), the fixtures file's odds, the fixture list: each a completed step.
  const names = [
    "plan sources",
    "ensure teams",
    "ingest season 9394",
    "ingest season 1516",
    "ingest season 2526",
    "ingest season 2627",
    "ingest fixture odds",
    "ingest fixtures",
  ];
  for (const name of names)
    await expect(steps.locator(`[data-step="${name}"]`)).toHaveAttribute("data-status", "completed");
  await expect(steps.locator("li")).toHaveCount(38);
  await expect(steps.locator('[data-status="failed"]')).toHaveCount(0);

  // Unchanged files are skipped, and the log says so; the level filter hides info lines.
  const logs = page.getByTestId("run-logs");
  await expect(logs).toContainText("E0_9394.csv: skipped");
  await page.getByRole("button", { name: /^warn \(/ }).click();
  await expect(page.getByRole("button", { name: /^warn \(/ })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("run-logs").locator('[data-level="info"]')).toHaveCount(0);
  await page.getByRole("button", { name: /^info \(/ }).click();
  await expect(logs.locator('[data-level="info"]').first()).toBeVisible();
  await shoot("run-detail");

  // Rerun: a new ETL run with the same (empty) request, followed on the same page.
  await page.getByRole("button", { name: "Rerun" }).click();
  const rerun = page.getByTestId("run-follower");
  await expect(rerun).toHaveAttribute("data-status", "completed", { timeout: 90_000 });
  expect(await rerun.getAttribute("data-run-id")).not.toBe(runId);
});
