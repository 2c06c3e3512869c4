import { env } from "@/lib/env";
import type { Classifier, ClassifierEngine, ModelEngineId } from "./classifier";
import { mlRandomForestEngine } from "./ml-random-forest-engine";
import { forestEngine } from "./random-forest/engine";

const engines: Record<ModelEngineId, ClassifierEngine> = {
  forest: forestEngine,
  "ml-random-forest": mlRandomForestEngine,
};

/** The engine with this id; throws naming the known ids for anything else (e.g. a stale registry row). */
export function getEngine(id: string): ClassifierEngine {
  if (!Object.hasOwn(engines, id)) {
    throw new RangeError(`unknown model engine "${id}"; known engines: ${Object.keys(engines).join(", ")}`);
  }
  return engines[id as ModelEngineId];
}

/** The engine MODEL_ENGINE selects (default "forest"). */
export function engineFromEnv(): ClassifierEngine {
  return getEngine(env().MODEL_ENGINE);
}

/** Turns a stored artifact back into a classifier of the engine that wrote it. */
export function loadClassifier(engineId: string, artifact: Uint8Array): Classifier {
  return getEngine(engineId).load(artifact);
}
