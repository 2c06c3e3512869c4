import type { Database } from "@/db/client";
import type { ModelVersion } from "@/db/schema";
import { getEngine } from "@/lib/model/engines";
import { loadMatchModel, type MatchModel } from "@/lib/model/match-model";
import { getAliasTarget } from "./aliases";
import { getModelVersionById } from "./model-versions";
import { processSlot } from "@/lib/process-slot";

export interface LoadedModel {
  version: Omit<ModelVersion, "artifact">;
  model: MatchModel;
}

// The champion is deserialised once and kept until the alias points elsewhere: one cheap alias
// lookup per request instead of an artifact read.
const cache = processSlot<{ db: Database; id: number; loaded: Promise<LoadedModel> }>("champion-model");

/** The current champion, loaded; null when no model has been promoted yet. */
export async function getChampionModel({ db }: { db: Database }): Promise<LoadedModel | null> {
  const id = await getAliasTarget({ db, alias: "champion" });
  if (id === null) return null;
  const hit = cache.get();
  if (hit && hit.db === db && hit.id === id) return hit.loaded;
  const loaded = (async () => {
    const row = await getModelVersionById({ db, id });
    if (!row) throw new Error(`champion model version id ${id} is missing`);
    const { artifact, ...version } = row;
    return { version, model: loadMatchModel(artifact, getEngine) };
  })();
  cache.set({ db, id, loaded });
  loaded.catch(() => {
    if (cache.get()?.loaded === loaded) cache.set(undefined);
  });
  return loaded;
}
