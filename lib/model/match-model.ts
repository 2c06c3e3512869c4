import { FEATURE_NAMES } from "@/lib/features/feature-definitions";
import type { Classifier, ClassifierEngine, FitOptions, ModelEngineId } from "./classifier";
import { createMatrix } from "./classifier";
import { fitEloBaseline } from "./elo-baseline";
import { fitImputer, impute, type Imputer } from "./imputer";
import type { Outcome, Probabilities } from "./metrics";

const MAGIC = 0x4d4d4c50; // "PLMM"
const FORMAT_VERSION = 1;
export const MATCH_MODEL_FORMAT = `plmm-v${FORMAT_VERSION}`;

/** A trained match predictor: feature selection, imputation and a classifier, saved as one artifact. */
export interface MatchModel {
  engine: ModelEngineId;
  /** The features the classifier sees, a subset of FEATURE_NAMES in that order. */
  features: string[];
  imputer: Imputer;
  classifier: Classifier;
}

export interface TrainingRows {
  values: readonly Float64Array[];
  outcomes: readonly Outcome[];
}

/** Column indices of `features` in the full feature vector. */
function columnsOf(features: readonly string[]): number[] {
  return features.map((name) => {
    const i = FEATURE_NAMES.indexOf(name);
    if (i < 0) throw new Error(`unknown feature "${name}"`);
    return i;
  });
}

/** The classifier's input: the model's feature columns of `rows`, imputed. */
export function designMatrix(model: Pick<MatchModel, "features" | "imputer">, rows: readonly Float64Array[]) {
  const cols = columnsOf(model.features);
  const x = createMatrix(rows.length, cols.length);
  rows.forEach((raw, i) => {
    const full = impute(model.imputer, raw);
    cols.forEach((c, j) => (x.data[i * cols.length + j] = full[c]));
  });
  return x;
}

/** Fits imputation (training rows only) and the classifier. */
export async function trainMatchModel(
  engine: ClassifierEngine,
  params: Record<string, unknown>,
  features: readonly string[],
  train: TrainingRows,
  options?: FitOptions,
): Promise<MatchModel> {
  const eloColumn = FEATURE_NAMES.indexOf("elo_expected_home");
  const eloBaseline = fitEloBaseline(
    train.values.map((v) => v[eloColumn]),
    train.outcomes,
  );
  const imputer = fitImputer(train.values, eloBaseline);
  const classifier = engine.create(params as never);
  const model: MatchModel = { engine: engine.id, features: [...features], imputer, classifier };
  await classifier.fit(designMatrix(model, train.values), train.outcomes, options);
  return model;
}

/** H/D/A probabilities for raw feature rows (missing values allowed). */
export function predictMatches(model: MatchModel, rows: readonly Float64Array[]): Probabilities[] {
  if (rows.length === 0) return [];
  const p = model.classifier.predictProba(designMatrix(model, rows));
  return rows.map((_, i) => [p.data[i * 3], p.data[i * 3 + 1], p.data[i * 3 + 2]] as const);
}

/** Header (JSON: engine, features, imputer) and the classifier's own artifact, in one buffer. */
export function serializeMatchModel(model: MatchModel): Uint8Array {
  const header = new TextEncoder().encode(
    JSON.stringify({ engine: model.engine, features: model.features, imputer: model.imputer }, (_, v) =>
      v === Infinity ? "Infinity" : v,
    ),
  );
  const body = model.classifier.serialize();
  const out = new Uint8Array(12 + header.length + body.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, FORMAT_VERSION, true);
  view.setUint32(8, header.length, true);
  out.set(header, 12);
  out.set(body, 12 + header.length);
  return out;
}

export function loadMatchModel(artifact: Uint8Array, engineFor: (id: ModelEngineId) => ClassifierEngine): MatchModel {
  const view = new DataView(artifact.buffer, artifact.byteOffset, artifact.byteLength);
  if (artifact.byteLength < 12 || view.getUint32(0, true) !== MAGIC) throw new Error("not a match model artifact");
  const version = view.getUint32(4, true);
  if (version !== FORMAT_VERSION)
    throw new Error(`match model format v${version} is not supported (expected v${FORMAT_VERSION})`);
  const length = view.getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(artifact.subarray(12, 12 + length)), (_, v) =>
    v === "Infinity" ? Infinity : v,
  ) as Omit<MatchModel, "classifier">;
  const classifier = engineFor(header.engine).load(artifact.slice(12 + length));
  return { ...header, classifier };
}
