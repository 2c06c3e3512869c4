import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { modelAliases, modelVersions } from "@/db/schema";
import { ApiError } from "@/lib/api/errors";
import { getAliasTarget, previousChampion, setAlias } from "./aliases";
import type { GateDecision } from "./promotion-gate";

async function versionId(db: Database, version: number): Promise<number> {
  const [row] = await db.select({ id: modelVersions.id }).from(modelVersions).where(eq(modelVersions.version, version));
  if (!row) throw new ApiError("not_found", "registry", `model version ${version} does not exist`);
  return row.id;
}

/**
 * Applies the gate's decision to a newly registered version: champion, or challenger. The decision
 * compared the candidate with `comparedChampionId`; if the champion changed meanwhile (a manual
 * promotion or rollback), the candidate is not promoted over a model it was never compared with.
 */
export async function applyGateDecision({
  db,
  modelVersionId,
  decision,
  comparedChampionId,
  actor,
}: {
  db: Database;
  modelVersionId: number;
  decision: GateDecision;
  comparedChampionId: number | null;
  actor: string;
}): Promise<{ promoted: boolean; reason: string; previousChampionId: number | null }> {
  return db.transaction(async (tx) => {
    // Locks the champion alias (when there is one) until this decision is written.
    const [locked] = await tx.select().from(modelAliases).where(eq(modelAliases.alias, "champion")).for("update");
    const previousChampionId = locked?.modelVersionId ?? null;
    const effective: GateDecision =
      decision.promote && previousChampionId !== comparedChampionId
        ? {
            promote: false,
            reason: "the champion changed while the gate compared; run training again to compare with the new one",
          }
        : decision;
    if (effective.promote) {
      await setAlias({ db: tx, alias: "champion", modelVersionId, action: "promote", actor, reason: effective.reason });
      if ((await getAliasTarget({ db: tx, alias: "challenger" })) === modelVersionId) {
        await setAlias({
          db: tx,
          alias: "challenger",
          modelVersionId: null,
          action: "remove",
          actor,
          reason: "promoted to champion",
        });
      }
    } else {
      await setAlias({
        db: tx,
        alias: "challenger",
        modelVersionId,
        action: "assign",
        actor,
        reason: effective.reason,
      });
    }
    return { promoted: effective.promote, reason: effective.reason, previousChampionId };
  });
}

/** Manual promotion (API, dashboard): makes `version` champion whatever the gate would say. */
export async function promoteVersion({
  db,
  version,
  actor,
  reason,
}: {
  db: Database;
  version: number;
  actor: string;
  reason: string;
}) {
  const id = await versionId(db, version);
  return db.transaction(async (tx) => {
    const previous = await getAliasTarget({ db: tx, alias: "champion" });
    if (previous === id) throw new ApiError("conflict", "registry", `model version ${version} is already the champion`);
    await setAlias({ db: tx, alias: "champion", modelVersionId: id, action: "promote", actor, reason });
    if ((await getAliasTarget({ db: tx, alias: "challenger" })) === id) {
      await setAlias({
        db: tx,
        alias: "challenger",
        modelVersionId: null,
        action: "remove",
        actor,
        reason: "promoted to champion",
      });
    }
    return { championId: id, previousChampionId: previous };
  });
}

/** Restores the champion that the current one replaced. */
export async function rollbackChampion({ db, actor, reason }: { db: Database; actor: string; reason: string }) {
  return db.transaction(async (tx) => {
    const current = await getAliasTarget({ db: tx, alias: "champion" });
    const previous = await previousChampion({ db: tx });
    if (current === null || previous === null) {
      throw new ApiError("conflict", "registry", "there is no earlier champion to roll back to");
    }
    await setAlias({ db: tx, alias: "champion", modelVersionId: previous, action: "rollback", actor, reason });
    return { championId: previous, previousChampionId: current };
  });
}
