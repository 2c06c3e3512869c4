import type { Blend } from "./blend/blend";
import type { ClassifierEngine, FitOptions, ModelEngineId } from "./classifier";
import type { Probabilities } from "./metrics";
import { REGIMES, regimeOf, type Regime } from "./regime";
import { predictRegime, trainRegimeModel, type RegimeModel, type TrainingRows } from "./regime-model";

const MAGIC = 0x4d4d4c50; // "PLMM"
// v2: one model per regime (v1 held a single model that imputed missing odds).
const FORMAT_VERSION = 2;
export const MATCH_MODEL_FORMAT = `plmm-v${FORMAT_VERSION}`;

/** A trained match predictor: one model per information regime, saved as one artifact. */
export interface MatchModel {
  engine: ModelEngineId;
  regimes: Record<Regime, RegimeModel>;
}

/** Hyperparameters per regime (each regime's search picks its own). */
export type RegimeParams = Record<Regime, Record<string, unknown>>;

export interface MatchForecast {
  probabilities: Probabilities;
  /** Which model made it: with-odds exactly when the row's pre-match odds are known. */
  regime: Regime;
}

/**
 * Fits both regimes: the odds-free model on every training row (market features left out), the
 * with-odds model on the rows whose odds are known; `blends` (each fitted on earlier out-of-sample
 * forecasts, null when it did not win on the validation seasons) stack each forest with its other source.
 */
export async function trainMatchModel(
  engine: ClassifierEngine,
  params: RegimeParams,
  features: readonly string[],
  train: TrainingRows,
  options?: FitOptions & { blends?: Partial<Record<Regime, Blend | null>> },
): Promise<MatchModel> {
  const regimes = {} as Record<Regime, RegimeModel>;
  for (const regime of REGIMES) {
    const keep = train.values.map((v) => regime === "odds-free" || regimeOf(v) === "with-odds");
    const rows = {
      values: train.values.filter((_, i) => keep[i]),
      outcomes: train.outcomes.filter((_, i) => keep[i]),
    };
    if (rows.values.length === 0) throw new Error(`no training rows for the ${regime} model`);
    regimes[regime] = await trainRegimeModel(engine, params[regime], regime, features, rows, options);
    regimes[regime].blend = options?.blends?.[regime] ?? null;
  }
  return { engine: engine.id, regimes };
}

/** H/D/A forecasts of raw feature rows (missing values allowed), each by its regime's model. */
export function predict(model: MatchModel, rows: readonly Float64Array[]): MatchForecast[] {
  const out: MatchForecast[] = new Array(rows.length);
  for (const regime of REGIMES) {
    const index = rows.flatMap((v, i) => (regimeOf(v) === regime ? [i] : []));
    const p = predictRegime(
      model.regimes[regime],
      index.map((i) => rows[i]),
    );
    index.forEach((i, j) => (out[i] = { probabilities: p[j], regime }));
  }
  return out;
}

/**
 * Header (JSON: engine and, per regime, features, imputer, blend and the byte length of its
 * classifier's artifact), then the classifiers' own artifacts in REGIMES order.
 */
export function serializeMatchModel(model: MatchModel): Uint8Array {
  const bodies = REGIMES.map((r) => model.regimes[r].classifier.serialize());
  const header = new TextEncoder().encode(
    JSON.stringify(
      {
        engine: model.engine,
        regimes: Object.fromEntries(
          REGIMES.map((r, i) => {
            const { features, imputer, blend } = model.regimes[r];
            return [r, { features, imputer, blend, bytes: bodies[i].length }];
          }),
        ),
      },
      (_, v) => (v === Infinity ? "Infinity" : v),
    ),
  );
  const out = new Uint8Array(12 + header.length + bodies.reduce((s, b) => s + b.length, 0));
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, FORMAT_VERSION, true);
  view.setUint32(8, header.length, true);
  out.set(header, 12);
  let at = 12 + header.length;
  for (const body of bodies) {
    out.set(body, at);
    at += body.length;
  }
  return out;
}

type Header = {
  engine: ModelEngineId;
  regimes: Record<Regime, Pick<RegimeModel, "features" | "imputer" | "blend"> & { bytes: number }>;
};

export function loadMatchModel(artifact: Uint8Array, engineFor: (id: ModelEngineId) => ClassifierEngine): MatchModel {
  const view = new DataView(artifact.buffer, artifact.byteOffset, artifact.byteLength);
  if (artifact.byteLength < 12 || view.getUint32(0, true) !== MAGIC) throw new Error("not a match model artifact");
  const version = view.getUint32(4, true);
  if (version !== FORMAT_VERSION) {
    throw new Error(
      `match model format v${version} is not supported (expected v${FORMAT_VERSION}, one model per regime)` +
        (version === 1 ? ": v1 models predate the two regimes; run training to register a v2 model" : ""),
    );
  }
  const length = view.getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(artifact.subarray(12, 12 + length)), (_, v) =>
    v === "Infinity" ? Infinity : v,
  ) as Header;
  const engine = engineFor(header.engine);
  let at = 12 + length;
  const regimes = {} as Record<Regime, RegimeModel>;
  for (const regime of REGIMES) {
    const { bytes, ...rest } = header.regimes[regime];
    if (at + bytes > artifact.byteLength) throw new Error(`match model artifact is truncated (${regime} model)`);
    regimes[regime] = { regime, ...rest, classifier: engine.load(artifact.slice(at, at + bytes)) };
    at += bytes;
  }
  return { engine: header.engine, regimes };
}
