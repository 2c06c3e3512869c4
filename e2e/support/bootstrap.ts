import { expect, type Page } from "@playwright/test";

/**
 * A fresh database bootstraps itself at server start (ETL, then training, then predictions).
 * Waits on the Overview until the last run of each of the three has completed.
 */
export async function waitForBootstrap(page: Page): Promise<void> {
  await expect(async () => {
    await page.goto("/");
    const lastRuns = page.getByTestId("last-runs");
    for (const pipeline of ["etl", "training", "predictions"]) {
      await expect(lastRuns.locator(`[data-pipeline="${pipeline}"] [data-status="completed"]`)).toBeVisible({ timeout: 1_000 });
    }
  }).toPass({ timeout: 180_000, intervals: [2_000] });
}
