import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { modelVersions } from "@/db/schema";
import { ApiError } from "@/lib/api/errors";
import { getAliasTarget, previousChampion, setAlias } from "./aliases";
import type { GateDecision } from "./promotion-gate";

async function versionId(db: Database, version: number): Promise<number> {
  const [row] = await db.select({ id: modelVersions.id }).from(modelVersions).where(eq(modelVersions.version, version));
  if (!row) throw new ApiError("not_found", "registry", `model version ${version} does not exist`);
  return row.id;
}

/** Applies the gate's decision to a newly registered version: champion, or challenger. */
export async function applyGateDecision({
  db,
  modelVersionId,
  decision,
  actor,
}: {
  db: Database;
  modelVersionId: number;
  decision: GateDecision;
  actor: string;
}): Promise<{ promoted: boolean; previousChampionId: number | null }> {
  return db.transaction(async (tx) => {
    const previousChampionId = await getAliasTarget({ db: tx, alias: "champion" });
    if (decision.promote) {
      await setAlias({ db: tx, alias: "champion", modelVersionId, action: "promote", actor, reason: decision.reason });
      if ((await getAliasTarget({ db: tx, alias: "challenger" })) === modelVersionId) {
        await setAlias({ db: tx, alias: "challenger", modelVersionId: null, action: "remove", actor, reason: "promoted to champion" });
      }
    } else {
      await setAlias({ db: tx, alias: "challenger", modelVersionId, action: "assign", actor, reason: decision.reason });
    }
    return { promoted: decision.promote, previousChampionId };
  });
}

/** Manual promotion (API, dashboard): makes `version` champion whatever the gate would say. */
export async function promoteVersion({ db, version, actor, reason }: { db: Database; version: number; actor: string; reason: string }) {
  const id = await versionId(db, version);
  return db.transaction(async (tx) => {
    const previous = await getAliasTarget({ db: tx, alias: "champion" });
    if (previous === id) throw new ApiError("conflict", "registry", `model version ${version} is already the champion`);
    await setAlias({ db: tx, alias: "champion", modelVersionId: id, action: "promote", actor, reason });
    if ((await getAliasTarget({ db: tx, alias: "challenger" })) === id) {
      await setAlias({ db: tx, alias: "challenger", modelVersionId: null, action: "remove", actor, reason: "promoted to champion" });
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
