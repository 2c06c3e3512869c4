import type { Page } from "@playwright/test";
import { unnamedControls } from "./support/accessible-names";
import { waitForBootstrap } from "./support/bootstrap";
import { expect, test } from "./support/fixtures";

/** Every page of the dashboard, with a real run and the champion's version in their addresses. */
async function dashboardPages(page: Page): Promise<[string, string][]> {
  await page.goto("/");
  const runHref = await page.getByTestId("last-runs").locator('[data-pipeline="etl"] a').getAttribute("href");
  const modelHref = await page
    .getByTestId("champion-model")
    .getByRole("link", { name: /^v\d+$/ })
    .getAttribute("href");
  return [
    ["overview", "/"],
    ["runs", "/runs"],
    ["run-detail", runHref!],
    ["models", "/models"],
    ["model-detail", modelHref!],
    ["predictions", "/predictions"],
    ["data", "/data"],
  ];
}

async function setTheme(page: Page, theme: "light" | "dark") {
  await page.evaluate((t) => localStorage.setItem("theme", t), theme);
}

test.beforeEach(async ({ page }) => waitForBootstrap(page));

for (const [mode, width] of [
  ["light", 1280],
  ["dark", 1280],
  ["mobile", 390],
] as const) {
  test(`every page in ${mode} (${width}px): named controls, no sideways scrolling, a screenshot`, async ({
    page,
    shoot,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await setTheme(page, mode === "dark" ? "dark" : "light");
    for (const [name, path] of await dashboardPages(page)) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.locator("html")).toHaveClass(mode === "dark" ? /dark/ : /^(?!.*dark)/);
      // Charts draw after hydration; wait for them where the page has any.
      if (name === "model-detail" || name === "predictions")
        await expect(page.locator(".recharts-surface").first()).toBeVisible();
      expect(await unnamedControls(page), `${path}: controls without a name`).toEqual([]);
      // Wide tables scroll inside their own box; nothing else may stick out of the page or of <main>.
      const overflow = await page.evaluate(() => {
        const main = document.querySelector("main")!;
        return Math.max(document.documentElement.scrollWidth - window.innerWidth, main.scrollWidth - main.clientWidth);
      });
      expect(overflow, `${path} is wider than the screen by ${overflow}px`).toBeLessThanOrEqual(0);
      await shoot(`${name}-${mode}`);
    }
  });
}

test("the theme toggle switches between light and dark and is remembered", async ({ page }) => {
  await setTheme(page, "light");
  await page.goto("/");
  await expect(page.locator("html")).not.toHaveClass(/dark/);
  await page.getByRole("button", { name: "Toggle dark mode" }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/dark/);
});
