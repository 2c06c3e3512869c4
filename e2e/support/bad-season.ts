/** Where e2e/bad-season-server.ts serves its season file, under FOOTBALL_DATA_CO_UK_BASE_URL. */
export const BAD_SEASON_PATH = "/bad-input/2324/E0.csv";

/** Its lines with a defect: 4 (FTR contradicts 1-1), 5 (FTHG -4), 6 (truncated), 8 (B365H 0), 9 (Real Madrid). */
export const BAD_LINES = [4, 5, 6, 8, 9];

/** Where it serves football-data.co.uk's fixtures file (FOOTBALL_DATA_CO_UK_FIXTURES_URL). */
export const FIXTURE_ODDS_PATH = "/fixtures.csv";
/** POST here: from now on the fixtures file carries odds for the next three fixtures. */
export const FIXTURE_ODDS_CONTROL = "/control/fixture-odds";
