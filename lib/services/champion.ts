import { z } from "zod";
import type { Database } from "@/db/client";
import { logger } from "@/lib/logger";
import { forgetServingChampion } from "@/lib/predictions/serving-champion";
import { dispatch } from "@/lib/pipelines/dispatch";
import { modelPromoted } from "@/lib/pipelines/events";
import { promoteVersion, rollbackChampion } from "@/lib/registry/promotion";
import { getModelVersionSummaryById } from "@/lib/registry/model-versions";

export const championChangeSchema = z.object({
  champion: z.number().int().describe("The champion's version now"),
  previousChampion: z.number().int().nullable(),
  reason: z.string(),
  actor: z.string(),
  predictions: z
    .object({ run_ids: z.array(z.string()), error: z.string().nullable() })
    .describe(
      "The predictions run started for the new champion (model/promoted); error when it could not be started (the change stands)",
    ),
});
export type ChampionChange = z.infer<typeof championChangeSchema>;

async function versionNumber(db: Database, id: number | null): Promise<number | null> {
  if (id === null) return null;
  return (await getModelVersionSummaryById({ db, id }))?.version ?? null;
}

// The change is committed before this: a pipeline that cannot start is reported, not a failure.
async function announce(
  db: Database,
  championId: number,
  previousId: number | null,
): Promise<ChampionChange["predictions"]> {
  try {
    const version = (await versionNumber(db, championId))!;
    const event = modelPromoted.create({
      modelVersionId: championId,
      version,
      previousVersion: await versionNumber(db, previousId),
    });
    const { runIds } = await dispatch(event, { trigger: "manual" });
    return { run_ids: runIds, error: null };
  } catch (error) {
    logger.warn({ err: error }, "champion changed, but the predictions pipeline could not be started");
    return { run_ids: [], error: error instanceof Error ? error.message : String(error) };
  }
}

async function describeChange(
  db: Database,
  change: { championId: number; previousChampionId: number | null },
  reason: string,
  actor: string,
): Promise<ChampionChange> {
  forgetServingChampion();
  return {
    champion: (await versionNumber(db, change.championId))!,
    previousChampion: await versionNumber(db, change.previousChampionId),
    reason,
    actor,
    predictions: await announce(db, change.championId, change.previousChampionId),
  };
}

/**
 * Makes `version` champion (history keeps who and why), serves it at once and starts predictions
 * with it; the API and the dashboard both change champions through here.
 */
export async function promoteAndAnnounce({
  db,
  version,
  reason,
  actor,
}: {
  db: Database;
  version: number;
  reason: string;
  actor: string;
}) {
  return describeChange(db, await promoteVersion({ db, version, actor, reason }), reason, actor);
}

/** Restores the champion the current one replaced, serves it at once and starts predictions. */
export async function rollbackAndAnnounce({ db, reason, actor }: { db: Database; reason: string; actor: string }) {
  return describeChange(db, await rollbackChampion({ db, actor, reason }), reason, actor);
}
