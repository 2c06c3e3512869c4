import { z } from "zod";
import { defineEndpoint } from "../endpoint";
import { championChangeSchema } from "@/lib/services/champion";
import { championInfoSchema, modelVersionWithHistorySchema } from "../model-queries";
import { modelVersionSchema } from "../model-view";
import { positiveIntFromString, reasonSchema } from "./common";

const tag = "Models";

export const versionParams = z.object({
  version: positiveIntFromString("a model version number ≥ 1").describe("Model version number"),
});

export const changeBody = z.object({ reason: reasonSchema }).strict();

export const listModels = defineEndpoint({
  method: "get",
  path: "/api/models",
  operationId: "listModels",
  tag,
  summary: "Registered model versions",
  description: "Newest first, each with its aliases and walk-forward scores next to the market's.",
  query: z
    .object({
      limit: positiveIntFromString("an integer from 1 to 500")
        .max(500, "must be an integer from 1 to 500")
        .default(100),
    })
    .strict(),
  responses: { 200: { description: "The versions", schema: z.object({ versions: z.array(modelVersionSchema) }) } },
});

export const getModel = defineEndpoint({
  method: "get",
  path: "/api/models/{version}",
  operationId: "getModel",
  tag,
  summary: "One model version in full",
  params: versionParams,
  responses: {
    200: { description: "The version", schema: modelVersionWithHistorySchema },
    404: { description: "No such version" },
  },
});

export const promoteModel = defineEndpoint({
  method: "post",
  path: "/api/models/{version}/promote",
  operationId: "promoteModel",
  tag,
  summary: "Make a version the champion",
  description:
    "Manual promotion, whatever the gate would say; recorded in the alias history with the reason. Starts the predictions pipeline for the new champion.",
  stateChanging: true,
  params: versionParams,
  body: changeBody,
  responses: {
    200: { description: "The champion changed", schema: championChangeSchema },
    404: { description: "No such version" },
    409: { description: "The version is already the champion" },
  },
});

export const rollbackModel = defineEndpoint({
  method: "post",
  path: "/api/models/rollback",
  operationId: "rollbackModel",
  tag,
  summary: "Restore the previous champion",
  description:
    "The champion the current one replaced becomes champion again; repeated rollbacks walk further back. Starts the predictions pipeline.",
  stateChanging: true,
  body: changeBody,
  responses: {
    200: { description: "The champion changed", schema: championChangeSchema },
    409: { description: "There is no earlier champion" },
  },
});

export const modelInfo = defineEndpoint({
  method: "get",
  path: "/api/model/info",
  operationId: "getChampionInfo",
  tag,
  summary: "The champion model",
  description:
    "Version, engine and parameters, what it was trained on and when, walk-forward scores next to the market's (pooled and per season), and feature importance.",
  responses: {
    200: { description: "The champion", schema: championInfoSchema },
    404: { description: "No champion yet (code `not_found:model`): run the training pipeline" },
  },
});
