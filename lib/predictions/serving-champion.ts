import type { Database } from "@/db/client";
import { getChampionModel, type LoadedModel } from "@/lib/registry/champion-model";

/** How long a request may be answered by the champion seen this long ago, at most. */
export const CHAMPION_RECHECK_MS = 1_000;

const cache = globalThis as unknown as {
  __plServingChampion?: { db: Database; checkedAt: number; loaded: Promise<LoadedModel | null> };
};

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
  const hit = cache.__plServingChampion;
  if (hit && hit.db === db && now - hit.checkedAt < CHAMPION_RECHECK_MS) return hit.loaded;
  const loaded = getChampionModel({ db });
  cache.__plServingChampion = { db, checkedAt: now, loaded };
  loaded.catch(() => {
    if (cache.__plServingChampion?.loaded === loaded) cache.__plServingChampion = undefined;
  });
  return loaded;
}

/** Makes the next request look the champion up again (after a promotion or rollback). */
export function forgetServingChampion(): void {
  cache.__plServingChampion = undefined;
}
