import { expect, type Page } from "@playwright/test";

/**
 * A fresh database bootstraps itself at server start: ETL, then training, then predictions.
 * Waits on the Overview until that chain has ended: a champion model, and the next fixtures
 * carrying its probabilities (which the predictions run stores last).
 */
export async function waitForBootstrap(page: Page): Promise<void> {
  await expect(async () => {
    await page.goto("/");
    await expect(page.getByTestId("champion-model").getByRole("link", { name: /^v\d+$/ })).toBeVisible({
      timeout: 1_000,
    });
    await expect(page.getByTestId("next-fixtures").getByRole("img").first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 180_000, intervals: [2_000] });
}
