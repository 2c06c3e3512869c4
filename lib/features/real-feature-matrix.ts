import type { Database } from "@/db/client";
import { compareSeasons } from "@/lib/data/season-code";
import { createMatrix, type Matrix } from "@/lib/model/classifier";
import { fitEloBaseline } from "@/lib/model/elo-baseline";
import { fitImputer } from "@/lib/model/imputer";
import { designMatrix } from "@/lib/model/regime-model";
import { buildFeatureRows } from "./build-features";
import { FEATURE_NAMES } from "./feature-definitions";
import { loadFeatureMatches } from "./load-feature-matches";

export interface RealFeatureMatrix {
  x: Matrix;
  y: Uint8Array;
  /** Rows before the first test season (time order): the training part. */
  trainRows: number;
}

/**
 * The model's real design matrix from the stored matches: finished matches from `firstSeason`,
 * in kickoff order, imputed with statistics of the training part only; the rows of `testFrom`
 * and later are the test part. For engine comparisons and benchmarks.
 */
export async function realFeatureMatrix({
  db,
  firstSeason,
  testFrom,
  lastSeason,
}: {
  db: Database;
  firstSeason: string;
  testFrom: string;
  lastSeason?: string;
}): Promise<RealFeatureMatrix> {
  const rows = buildFeatureRows(await loadFeatureMatches({ db })).filter(
    (r) =>
      r.outcome !== null &&
      compareSeasons(r.season, firstSeason) >= 0 &&
      (lastSeason === undefined || compareSeasons(r.season, lastSeason) <= 0),
  );
  const trainRows = rows.findIndex((r) => compareSeasons(r.season, testFrom) >= 0);
  if (trainRows <= 0) throw new Error(`no training rows before ${testFrom} from ${firstSeason}`);
  const train = rows.slice(0, trainRows);
  const elo = FEATURE_NAMES.indexOf("elo_expected_home");
  const imputer = fitImputer(
    train.map((r) => r.values),
    fitEloBaseline(
      train.map((r) => r.values[elo]),
      train.map((r) => r.outcome!),
    ),
  );
  const x = designMatrix(
    { features: [...FEATURE_NAMES], imputer },
    rows.map((r) => r.values),
  );
  return { x: createMatrix(x.rows, x.cols, x.data), y: Uint8Array.from(rows, (r) => r.outcome!), trainRows };
}
