import { and, count, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { matches, pipelineRuns, predictions } from "@/db/schema";
import { getAliasTarget } from "@/lib/registry/aliases";
import { dispatch } from "./dispatch";

export type BootstrapAction = "etl" | "training" | "predictions" | null;

/**
 * What a fresh or half-set-up installation still lacks, in pipeline order: no matches → ETL
 * (training and predictions follow from its events); matches but no champion and no training
 * in progress or done → training; a champion but no predictions → predictions.
 */
export async function nextBootstrapAction({ db }: { db: Database }): Promise<BootstrapAction> {
  const active = ["queued", "running", "completed"] as const;
  const runsOf = async (functionId: string) =>
    (
      await db
        .select({ n: count() })
        .from(pipelineRuns)
        .where(and(eq(pipelineRuns.functionId, functionId), inArray(pipelineRuns.status, [...active])))
    )[0].n;
  const [{ n: stored }] = await db.select({ n: count() }).from(matches);
  if (stored === 0) return (await runsOf("etl")) === 0 ? "etl" : null;
  if ((await getAliasTarget({ db, alias: "champion" })) === null)
    return (await runsOf("training")) === 0 ? "training" : null;
  const [{ n: predicted }] = await db.select({ n: count() }).from(predictions);
  if (predicted === 0) return (await runsOf("predictions")) === 0 ? "predictions" : null;
  return null;
}

/** Starts the missing pipeline, if any (BOOTSTRAP=auto at server start). */
export async function bootstrap({ db }: { db: Database }) {
  const action = await nextBootstrapAction({ db });
  if (!action) return { action, runIds: [] as string[] };
  const { runIds } = await dispatch(
    { name: `pipeline/${action}.requested`, data: {} },
    { dedupe: true, trigger: "manual" },
  );
  return { action, runIds };
}
