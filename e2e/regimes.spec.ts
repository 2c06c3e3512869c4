import { BAD_SEASON_PORT } from "../playwright.config";
import { FIXTURE_ODDS_CONTROL } from "./support/bad-season";
import { waitForBootstrap } from "./support/bootstrap";
import { expect, test } from "./support/fixtures";

interface Upcoming {
  fixtures: {
    matchId: number;
    homeTeam: { name: string };
    prediction: { regime: string; regimeScore: { rps: number } | null } | null;
    earlier: { regime: string } | null;
  }[];
}

test("a fixture shows its odds-free forecast and score, then after a live ETL brings its odds a new with-odds one", async ({
  page,
  request,
  shoot,
}) => {
  await waitForBootstrap(page);
  const info = await (await request.get("/api/model/info")).json();
  const score = (regime: string) => info.evaluation.regimes[regime].scores.model.rps.toFixed(4);
  const before: Upcoming = await (await request.get("/api/predictions/upcoming?limit=1")).json();
  const fixture = before.fixtures[0];
  expect(fixture.prediction?.regime).toBe("odds-free");

  await page.goto("/predictions");
  const row = page.getByTestId("upcoming-predictions").locator(`tr[data-match-id="${fixture.matchId}"]`);
  await expect(row.getByTestId("regime")).toHaveAttribute("data-regime", "odds-free");
  await expect(row.getByTestId("regime")).toContainText(`walk-forward RPS ${score("odds-free")}`);

  // football-data.co.uk publishes the odds of the next fixtures; the ETL (auto) reads them.
  const odds = await request.post(`http://127.0.0.1:${BAD_SEASON_PORT}${FIXTURE_ODDS_CONTROL}`);
  expect((await odds.json()).length).toBeGreaterThan(0);
  await page.goto("/");
  const etl = page.getByTestId("trigger-etl");
  await etl.getByRole("button", { name: "Run ETL" }).click();
  await expect(etl.getByTestId("run-follower")).toHaveAttribute("data-status", "completed", { timeout: 90_000 });

  // The ETL's new data start the predictions pipeline: the fixture is forecast again, with odds.
  await expect(async () => {
    const after: Upcoming = await (await request.get("/api/predictions/upcoming?limit=1")).json();
    expect(after.fixtures[0].prediction?.regime).toBe("with-odds");
    expect(after.fixtures[0].earlier?.regime).toBe("odds-free");
  }).toPass({ timeout: 90_000, intervals: [1_000] });
  await page.goto("/predictions");
  await expect(row.getByTestId("regime")).toHaveAttribute("data-regime", "with-odds");
  await expect(row.getByTestId("regime")).toContainText(`walk-forward RPS ${score("with-odds")}`);
  await expect(row.getByTestId("earlier-forecast")).toContainText("(odds-free)");
  await shoot("predictions-with-odds");
});
