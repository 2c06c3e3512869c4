import { BAD_LINES } from "./support/bad-season";
import { waitForBootstrap } from "./support/bootstrap";
import { expect, test } from "./support/fixtures";

test.beforeEach(async ({ page }) => waitForBootstrap(page));

test("a bad season file loaded live lands its good rows and shows each quarantined row with its reason", async ({
  page,
  shoot,
}) => {
  await page.goto("/data");
  await expect(page.getByTestId("quarantined-rows")).toHaveCount(0);

  const etl = page.getByTestId("trigger-etl");
  await etl.getByRole("button", { name: "ETL options" }).click();
  const dialog = page.getByRole("dialog", { name: "Run the ETL with options" });
  await dialog.getByLabel("Source").selectOption("live");
  await dialog.getByLabel("Seasons").fill("23/24");
  await dialog.getByRole("button", { name: "Start ETL" }).click();
  // A malformed season is refused plainly, in the dialog, before any run starts.
  await expect(dialog.getByRole("alert")).toContainText("seasons.0");
  await dialog.getByLabel("Seasons").fill("2324");
  await dialog.getByLabel("Also load fixtures").uncheck();
  await dialog.getByRole("button", { name: "Start ETL" }).click();
  await expect(dialog).toBeHidden();
  const follower = etl.getByTestId("run-follower");
  await expect(follower).toHaveAttribute("data-status", "completed", { timeout: 90_000 });

  // The page refreshes when the run ends: the five bad lines are listed with their reasons.
  const quarantined = page.getByTestId("quarantined-rows").locator("tbody tr");
  await expect(quarantined).toHaveCount(BAD_LINES.length);
  const table = page.getByTestId("quarantined-rows");
  for (const line of BAD_LINES) await expect(table.locator(`tbody tr[data-line="${line}"]`)).toHaveCount(1);
  await expect(table).toContainText('FTR "H" contradicts the score 1-1 (expected D)');
  await expect(table).toContainText('FTHG "-4" is not a goal count');
  await expect(table).toContainText("truncated row");
  await expect(table).toContainText('B365H "0" is not valid decimal odds');
  await expect(table).toContainText('unknown team "Real Madrid"');
  await expect(table).toContainText("/bad-input/2324/E0.csv");

  const batch = page.getByTestId("ingest-batches").locator("tbody tr").first();
  await expect(batch).toContainText("/bad-input/2324/E0.csv");
  await expect(batch).toHaveAttribute("data-status", "completed");
  await expect(batch.locator("td").nth(3)).toHaveText("10"); // rows read
  await expect(batch.locator("td").nth(7)).toHaveText("5"); // quarantined
  await shoot("data");

  // Any season's table, rebuilt from results: 2023/24 from the bundled file.
  await page.getByLabel("Season", { exact: true }).selectOption("2324");
  await page.getByRole("button", { name: "Show table" }).click();
  await expect(page).toHaveURL(/season=2324/);
  await expect(page.getByRole("heading", { name: "League table 2023/24" })).toBeVisible();
  const top = page.getByTestId("league-table").locator("tbody tr").first();
  await expect(top).toHaveAttribute("data-team", "Man City");
  await expect(top.locator("td").last()).toHaveText("91");
});

test("a live file that is not there fails the run, and the failure is shown as it is", async ({ page, shoot }) => {
  await page.goto("/data");
  const etl = page.getByTestId("trigger-etl");
  await etl.getByRole("button", { name: "ETL options" }).click();
  const dialog = page.getByRole("dialog", { name: "Run the ETL with options" });
  await dialog.getByLabel("Source").selectOption("live");
  await dialog.getByLabel("Seasons").fill("2425"); // the local stand-in serves 2023/24 only
  await dialog.getByLabel("Also load fixtures").uncheck();
  await dialog.getByRole("button", { name: "Start ETL" }).click();
  const follower = etl.getByTestId("run-follower");
  await expect(follower).toHaveAttribute("data-status", "failed", { timeout: 60_000 });
  const failure = follower.getByRole("alert");
  await expect(failure).toContainText("The run failed");
  await expect(failure).toContainText("1 of 1 files failed");
  await expect(failure).toContainText("/bad-input/2425/E0.csv");
  await expect(failure).toContainText("404");

  await follower.getByRole("link", { name: /^run / }).click();
  await expect(page.getByTestId("run-error")).toContainText("404");
  await expect(page.getByTestId("step-waterfall").locator('[data-step="ingest season 2425"]')).toBeVisible();
  await expect(page.getByTestId("run-logs").locator('[data-level="error"]')).toContainText("/bad-input/2425/E0.csv");
  await shoot("run-detail-failed");
});
