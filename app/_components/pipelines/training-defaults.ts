import { DEFAULT_WINDOW } from "@/lib/model/evaluation/evaluate";
import { DEFAULT_FOREST_PARAMS } from "@/lib/pipelines/training-config";
import type { TrainingDefaults } from "./training-options-dialog";

/** The training configuration the options dialog starts from (server side: the client gets plain values). */
export const trainingDefaults: TrainingDefaults = {
  params: { ...DEFAULT_FOREST_PARAMS },
  testSeasons: [...DEFAULT_WINDOW.testSeasons],
  firstTrainingSeason: DEFAULT_WINDOW.firstTrainingSeason,
};
