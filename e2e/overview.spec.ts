import { expect, test } from "@playwright/test";

test("the Overview shows the database status", async ({ page }, testInfo) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  const status = page.getByTestId("database-status");
  await expect(status).toContainText("up");
  await expect(status).toContainText("PGlite (embedded)");
  await expect(status).toContainText(/\d+\.\d{2} ms/);
  await page.screenshot({ path: testInfo.outputPath("overview.png"), fullPage: true });
  await page.screenshot({ path: "e2e/screenshots/overview.png", fullPage: true });
  expect(errors).toEqual([]);
});
