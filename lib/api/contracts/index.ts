import type { EndpointSpec } from "../endpoint";
import { getModel, listModels, modelInfo, promoteModel, rollbackModel } from "./models";
import { latestPredictions, predictionHistory, predictMatch, upcomingPredictions } from "./predictions";
import { getRun, listRuns, rerunRun } from "./runs";
import { dataStats, health, inngestEndpoints, openApiDocument, status, systemStatus } from "./system";
import { forceRetraining, startPipeline, triggerWorkflow } from "./workflows";

/** Every route under app/api, in the order the document lists them (a test checks none is missing). */
export const endpoints: readonly EndpointSpec[] = [
  predictMatch,
  upcomingPredictions,
  latestPredictions,
  predictionHistory,
  modelInfo,
  listModels,
  getModel,
  promoteModel,
  rollbackModel,
  ...Object.values(startPipeline),
  triggerWorkflow,
  forceRetraining,
  listRuns,
  getRun,
  rerunRun,
  health,
  status,
  systemStatus,
  dataStats,
  openApiDocument,
  ...inngestEndpoints,
];
