import fs from "node:fs";
import path from "node:path";
import { test as base, expect, type Page, type TestInfo } from "@playwright/test";

/**
 * Every test gets a page whose console errors and uncaught exceptions fail the test at its end,
 * and a `shoot` that saves a full-page screenshot with the test output (and in e2e/screenshots).
 */
export const test = base.extend<{ consoleErrors: string[]; shoot: (name: string) => Promise<void> }>({
  consoleErrors: [
    async ({ page }, provide) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(`${page.url()}: ${message.text()}`);
      });
      page.on("pageerror", (error) => errors.push(`${page.url()}: uncaught ${error.message}`));
      await provide(errors);
      expect(errors, "console errors").toEqual([]);
    },
    { auto: true },
  ],
  shoot: async ({ page }, provide, testInfo) => {
    await provide((name) => screenshot(page, testInfo, name));
  },
});

export { expect };

export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = `${name}.png`;
  const body = await page.screenshot({ path: testInfo.outputPath(file), fullPage: true });
  fs.mkdirSync(path.join("e2e", "screenshots"), { recursive: true });
  fs.writeFileSync(path.join("e2e", "screenshots", file), body);
  await testInfo.attach(name, { body, contentType: "image/png" });
}
