import { waitForBootstrap } from "./support/bootstrap";
import { expect, test } from "./support/fixtures";

test.beforeEach(async ({ page }) => waitForBootstrap(page));

test("upcoming fixtures, the backtest track record and a single match predicted with the form", async ({
  page,
  shoot,
}) => {
  await page.goto("/predictions");
  const upcoming = page.getByTestId("upcoming-predictions").locator("tbody tr");
  await expect(upcoming).toHaveCount(20);
  await expect(upcoming.first().getByRole("img", { name: /home \d+%, draw \d+%, away \d+%/ })).toBeVisible();
  // The bundled fixture list has no odds: the market column says so rather than inventing any.
  await expect(upcoming.first()).toContainText("no odds yet");
  await expect(page.getByRole("heading", { name: /Track record: walk-forward backtest of v\d+/ })).toBeVisible();
  // The champion's backtest in each regime: every match of the three-season window.
  const backtest = page.locator("#backtest-record-title").getByTestId("regime-records");
  for (const regime of ["odds-free", "with-odds"])
    await expect(backtest.locator(`tr[data-regime="${regime}"]`)).toContainText("1,140");
  // Without odds, the odds-free model forecast each fixture, its score beside it.
  await expect(upcoming.first().getByTestId("regime")).toHaveAttribute("data-regime", "odds-free");

  const form = page.getByRole("form", { name: "Predict a single match" });
  await form.getByLabel("Home team").selectOption("Arsenal");
  await form.getByLabel("Away team").selectOption("Arsenal");
  await form.getByRole("button", { name: "Predict" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "No forecast" })).toContainText("same club");

  await form.getByLabel("Away team").selectOption("Chelsea");
  await form.getByLabel("Home odds").fill("2.10");
  await form.getByLabel("Draw odds").fill("3.40");
  await form.getByLabel("Away odds").fill("3.60");
  await form.getByRole("button", { name: "Predict" }).click();
  const result = page.getByTestId("prediction-result");
  await expect(result).toContainText("Arsenal v Chelsea");
  await expect(result.getByRole("img", { name: /Our forecast for Arsenal v Chelsea: home \d+%/ })).toBeVisible();
  // 1/2.10, 1/3.40, 1/3.60 = 0.4762, 0.2941, 0.2778 (sum 1.0481) normalised: 45.4%, 28.1%, 26.5%.
  await expect(result).toContainText("H 45% · D 28% · A 27%");
  // Odds given: the with-odds model made it, and its own walk-forward score is shown.
  await expect(result.getByTestId("regime")).toHaveAttribute("data-regime", "with-odds");
  await expect(result.getByTestId("regime")).toContainText(/walk-forward RPS 0\.\d{4}/);
  await expect(result).toContainText(/Edge \(points\)\s*H [+−]\d+\.\d/);
  await expect(result).toContainText(/Stored as ad-hoc prediction #\d+/);
  await shoot("predictions");
});
