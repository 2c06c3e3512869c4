import { waitForBootstrap } from "./support/bootstrap";
import { expect, test } from "./support/fixtures";

test.beforeEach(async ({ page }) => waitForBootstrap(page));

test("the Runs table filters, sorts and pages through the URL", async ({ page, shoot }) => {
  await page.goto("/runs");
  // One more run from this page, so that there are more runs than fit on a page of five.
  const predictions = page.getByTestId("trigger-predictions");
  await predictions.getByRole("button", { name: "Run predictions" }).click();
  await expect(predictions.getByTestId("run-follower")).toHaveAttribute("data-status", "completed", {
    timeout: 60_000,
  });

  await page.getByRole("group", { name: "Runs per page" }).getByRole("link", { name: "5", exact: true }).click();
  await expect(page).toHaveURL("/runs?size=5");
  const rows = page.getByTestId("runs-table").locator("tbody tr");
  await expect(rows).toHaveCount(5);
  const pages = page.getByRole("navigation", { name: "Pages" });
  await expect(pages).toContainText(/Page 1 of [2-9]/);
  await pages.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL("/runs?page=2&size=5");
  await expect(pages).toContainText(/Page 2 of/);

  await page.getByRole("group", { name: "Function" }).getByRole("link", { name: "predictions" }).click();
  await expect(page).toHaveURL("/runs?function=predictions&size=5");
  await expect(rows.first()).toHaveAttribute("data-function", "predictions");
  for (const fn of await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-function"))))
    expect(fn).toBe("predictions");

  await page.getByRole("group", { name: "Function" }).getByRole("link", { name: "all" }).click();
  await expect(page).toHaveURL("/runs?size=5");
  await page.getByRole("link", { name: /^Duration/ }).click();
  await expect(page).toHaveURL("/runs?sort=durationMs&size=5");
  await expect(page.getByRole("columnheader", { name: /Duration/ })).toHaveAttribute("aria-sort", "descending");
  const durations = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-duration-ms")).map(Number));
  expect(durations).toEqual([...durations].sort((a, b) => b - a));

  await page.getByRole("group", { name: "Status" }).getByRole("link", { name: "completed" }).click();
  await expect(page).toHaveURL("/runs?status=completed&sort=durationMs&size=5");
  await expect(rows.first()).toHaveAttribute("data-status", "completed");
  for (const status of await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-status"))))
    expect(status).toBe("completed");
  // Nothing cancels runs here, so this filter is empty and says so.
  await page.getByRole("group", { name: "Status" }).getByRole("link", { name: "cancelled" }).click();
  await expect(page).toHaveURL("/runs?status=cancelled&sort=durationMs&size=5");
  await expect(page.getByText("No run matches these filters")).toBeVisible();
  await page.goto("/runs");
  await shoot("runs");
});
