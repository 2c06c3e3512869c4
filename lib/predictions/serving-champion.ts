import type { Database } from "@/db/client";
import { getChampionModel, type LoadedModel } from "@/lib/registry/champion-model";
import { processSlot } from "@/lib/process-slot";

/** How long a request may be answered by the champion seen this long ago, at most. */
export const CHAMPION_RECHECK_MS = 1_000;

const cache = processSlot<{ db: Database; checkedAt: number; loaded: Promise<LoadedModel | null> }>("serving-champion");

/**
 * The champion for serving requests. getChampionModel keeps the model in memory but asks the
 * database which version is champion on every call; here that question is asked at most once per
 * CHAMPION_RECHECK_MS, so a burst of requests costs no query at all. A change made by another
 * process (or by training) is picked up within that time; one made through this process's API is
 * picked up at once (forgetServingChampion).
 */
export function getServingChampion({
  db,
  now = Date.now(),
}: {
  db: Database;
  now?: number;
}): Promise<LoadedModel | null> {
  const hit = cache.get();
  if (hit && hit.db === db && now - hit.checkedAt < CHAMPION_RECHECK_MS) return hit.loaded;
  const loaded = getChampionModel({ db });
  cache.set({ db, checkedAt: now, loaded });
  loaded.catch(() => {
    if (cache.get()?.loaded === loaded) cache.set(undefined);
  });
  return loaded;
}

/** Makes the next request look the champion up again (after a promotion or rollback). */
export function forgetServingChampion(): void {
  cache.set(undefined);
}
