"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { promoteAndAnnounce, rollbackAndAnnounce } from "@/lib/services/champion";
import { action } from "./action";

const changeSchema = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("promote"),
    version: z.number().int().positive(),
    reason: z.string().trim().max(500).optional(),
  }),
  z.object({ action: z.literal("rollback"), reason: z.string().trim().max(500).optional() }),
]);

export type ChampionChange = z.input<typeof changeSchema>;

/**
 * Promotes a version to champion or rolls back to the one it replaced, then asks for a
 * predictions run so that upcoming fixtures get the new champion's forecasts.
 */
export const changeChampion = action({ input: changeSchema, changesState: true }, async (change, { db }) => {
  const actor = "dashboard";
  const done =
    change.action === "promote"
      ? await promoteAndAnnounce({
          db,
          version: change.version,
          actor,
          reason: change.reason || `v${change.version} promoted by hand from the dashboard`,
        })
      : await rollbackAndAnnounce({ db, actor, reason: change.reason || "rolled back by hand from the dashboard" });
  refresh();
  return { predictionsRunId: done.predictions.run_ids[0] ?? null };
});
