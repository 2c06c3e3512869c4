import type { MatchContext } from "./feature-engine";
import type { MarketProbabilities } from "./market";

export interface FeatureInput {
  context: MatchContext;
  /** The match's own pre-match market probabilities, when its odds are known. */
  market: MarketProbabilities | null;
  /** The sharpest pre-match probabilities known: Pinnacle, else the market average, else `market`. */
  sharp: MarketProbabilities | null;
}

export interface FeatureDefinition {
  name: string;
  description: string;
  /** What the value may read, relative to the match's kickoff. */
  asOf: string;
  value: (input: FeatureInput) => number;
}

const RESULTS_BEFORE = "results known before kickoff (earlier days; same day only if finished 2 h before)";
const FIXTURES = "the published fixture list (dates only, no results)";
const PRE_MATCH_ODDS = "the match's own pre-match odds (published before kickoff); NaN when missing";

type FormKey =
  "points" | "goalsFor" | "goalsAgainst" | "shotsFor" | "shotsAgainst" | "shotsOnTargetFor" | "shotsOnTargetAgainst";

function form(window: 5 | 10, side: "home" | "away", key: FormKey, label: string): FeatureDefinition {
  const pick = (c: MatchContext) =>
    side === "home" ? (window === 5 ? c.formHome5 : c.formHome10) : window === 5 ? c.formAway5 : c.formAway10;
  return {
    name: `form${window}_${key.replace(/[A-Z]/g, (x) => `_${x.toLowerCase()}`)}_${side}`,
    description: `${side} club's mean ${label} per match over its previous ${window} league matches (within 200 days)`,
    asOf: `${RESULTS_BEFORE}; statistics of earlier matches only`,
    value: ({ context }) => pick(context)[key],
  };
}

function goalsModelFeatures(): FeatureDefinition[] {
  const asOf = `${RESULTS_BEFORE}; refitted whenever a result becomes known`;
  const outcome = (name: string, label: string, i: 0 | 1 | 2): FeatureDefinition => ({
    name,
    description: `Dixon-Coles goals model's probability of ${label}`,
    asOf,
    value: ({ context }) => context.goals?.probabilities[i] ?? NaN,
  });
  return [
    outcome("dc_home", "a home win", 0),
    outcome("dc_draw", "a draw", 1),
    outcome("dc_away", "an away win", 2),
    {
      name: "dc_expected_goals_home",
      description: "Dixon-Coles expected goals of the home club",
      asOf,
      value: ({ context }) => context.goals?.expectedHome ?? NaN,
    },
    {
      name: "dc_expected_goals_away",
      description: "Dixon-Coles expected goals of the away club",
      asOf,
      value: ({ context }) => context.goals?.expectedAway ?? NaN,
    },
  ];
}

/**
 * Every feature of the model, in matrix column order. A feature reads only the MatchContext (the
 * league replayed up to kickoff) and the match's own pre-match odds; never its result or
 * in-match statistics.
 */
export const FEATURES: readonly FeatureDefinition[] = [
  {
    name: "elo_home",
    description: "home club's Elo rating",
    asOf: RESULTS_BEFORE,
    value: ({ context }) => context.eloHome,
  },
  {
    name: "elo_away",
    description: "away club's Elo rating",
    asOf: RESULTS_BEFORE,
    value: ({ context }) => context.eloAway,
  },
  {
    name: "elo_diff",
    description: "home minus away Elo rating",
    asOf: RESULTS_BEFORE,
    value: ({ context }) => context.eloHome - context.eloAway,
  },
  {
    name: "elo_expected_home",
    description: "Elo expected score of the home club, home advantage included",
    asOf: RESULTS_BEFORE,
    value: ({ context }) => context.eloExpectedHome,
  },
  {
    name: "pi_home",
    description: "home club's pi-rating at home",
    asOf: RESULTS_BEFORE,
    value: ({ context }) => context.piHome,
  },
  {
    name: "pi_away",
    description: "away club's pi-rating away",
    asOf: RESULTS_BEFORE,
    value: ({ context }) => context.piAway,
  },
  {
    name: "pi_expected_goal_difference",
    description: "goal difference the pi-ratings expect (home minus away)",
    asOf: RESULTS_BEFORE,
    value: ({ context }) => context.piExpectedGoalDifference,
  },
  ...goalsModelFeatures(),
  ...([5, 10] as const).flatMap((w) =>
    (["home", "away"] as const).flatMap((side) => [
      form(w, side, "points", "points"),
      form(w, side, "goalsFor", "goals scored"),
      form(w, side, "goalsAgainst", "goals conceded"),
    ]),
  ),
  ...(["home", "away"] as const).flatMap((side) => [
    form(10, side, "shotsFor", "shots"),
    form(10, side, "shotsAgainst", "shots conceded"),
    form(10, side, "shotsOnTargetFor", "shots on target"),
    form(10, side, "shotsOnTargetAgainst", "shots on target conceded"),
  ]),
  {
    name: "rest_days_home",
    description: "days since the home club's previous league fixture, capped at 30",
    asOf: FIXTURES,
    value: ({ context }) => context.restHome,
  },
  {
    name: "rest_days_away",
    description: "days since the away club's previous league fixture, capped at 30",
    asOf: FIXTURES,
    value: ({ context }) => context.restAway,
  },
  {
    name: "season_progress",
    description: "share of both clubs' league fixtures of the season already behind them",
    asOf: FIXTURES,
    value: ({ context }) => context.seasonProgress,
  },
  {
    name: "market_home",
    description: "margin-free pre-match probability of a home win (Bet365, else market average, else Pinnacle)",
    asOf: PRE_MATCH_ODDS,
    value: ({ market }) => market?.probabilities[0] ?? NaN,
  },
  {
    name: "market_draw",
    description: "margin-free pre-match probability of a draw",
    asOf: PRE_MATCH_ODDS,
    value: ({ market }) => market?.probabilities[1] ?? NaN,
  },
  {
    name: "market_away",
    description: "margin-free pre-match probability of an away win",
    asOf: PRE_MATCH_ODDS,
    value: ({ market }) => market?.probabilities[2] ?? NaN,
  },
  {
    name: "market_home_minus_away",
    description: "market probability of a home win minus that of an away win (the market's view in one number)",
    asOf: PRE_MATCH_ODDS,
    value: ({ market }) => (market ? market.probabilities[0] - market.probabilities[2] : NaN),
  },
  {
    name: "sharp_home",
    description:
      "margin-free pre-match home-win probability of the sharpest price known (Pinnacle, else market average, else Bet365)",
    asOf: PRE_MATCH_ODDS,
    value: ({ sharp }) => sharp?.probabilities[0] ?? NaN,
  },
  {
    name: "sharp_draw",
    description: "the same for a draw",
    asOf: PRE_MATCH_ODDS,
    value: ({ sharp }) => sharp?.probabilities[1] ?? NaN,
  },
  {
    name: "sharp_away",
    description: "the same for an away win",
    asOf: PRE_MATCH_ODDS,
    value: ({ sharp }) => sharp?.probabilities[2] ?? NaN,
  },
];

export const FEATURE_NAMES: readonly string[] = FEATURES.map((f) => f.name);

/** Features that read the match's own odds: never an input of the odds-free model. */
export const MARKET_FEATURE_NAMES: readonly string[] = FEATURES.filter((f) => f.asOf === PRE_MATCH_ODDS).map(
  (f) => f.name,
);

/** The raw feature vector of one match (NaN where a value is missing). */
export function featureVector(input: FeatureInput): Float64Array {
  const values = new Float64Array(FEATURES.length);
  FEATURES.forEach((f, i) => (values[i] = f.value(input)));
  return values;
}
