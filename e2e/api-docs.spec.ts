import { expect, test } from "./support/fixtures";

test("the API docs page renders the OpenAPI document offline and can try a read route", async ({ page, shoot }) => {
  const outside: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (!["127.0.0.1", "localhost"].includes(url.hostname)) outside.push(request.url());
  });
  await page.goto("/");
  await page.getByRole("link", { name: "API docs" }).click();
  await expect(page.getByRole("heading", { name: "API", level: 1 })).toBeVisible();
  const operation = page.locator(".opblock-summary", { hasText: "/api/health" }).first();
  await expect(operation).toBeVisible({ timeout: 30_000 });
  await expect(page.locator(".opblock-summary", { hasText: "/api/predictions/match" }).first()).toBeVisible();
  // Try a read route from the page itself.
  await operation.click();
  await page.getByRole("button", { name: "Try it out" }).first().click();
  await page.getByRole("button", { name: "Execute" }).first().click();
  await expect(page.locator(".live-responses-table .response .response-col_status").first()).toContainText("200");
  await shoot("api-docs");
  expect(outside, "requests leaving the machine").toEqual([]);
});
