import type { ClassifierEngine } from "../classifier";
import { forestDefaults, parseForestParams, type ForestParams } from "./params";
import { RandomForestClassifier } from "./random-forest-classifier";
import { decodeForest } from "./serialize";

/** The project's random forest behind the engine contract (`MODEL_ENGINE=forest`); its classifiers are RandomForestClassifier. */
export const forestEngine = {
  id: "forest",
  defaults: forestDefaults,
  create(params?: Partial<ForestParams>): RandomForestClassifier {
    return new RandomForestClassifier(parseForestParams(params));
  },
  load(artifact: Uint8Array): RandomForestClassifier {
    const { params, model, outOfBag } = decodeForest(artifact);
    return new RandomForestClassifier(parseForestParams(params), model, outOfBag);
  },
} satisfies ClassifierEngine<ForestParams>;
