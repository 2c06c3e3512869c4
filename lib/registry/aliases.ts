import { and, desc, eq, ne } from "drizzle-orm";
import type { Database } from "@/db/client";
import { modelAliases, modelAliasHistory, modelVersions } from "@/db/schema";

export type AliasName = "champion" | "challenger";
export type AliasAction = "promote" | "rollback" | "assign" | "remove";

export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** Version row id an alias points at, or null. */
export async function getAliasTarget({ db, alias }: { db: Database | Tx; alias: AliasName }): Promise<number | null> {
  const [row] = await db.select().from(modelAliases).where(eq(modelAliases.alias, alias));
  return row?.modelVersionId ?? null;
}

/** Every alias with the version number it points at. */
export async function listAliases({ db }: { db: Database }) {
  return db
    .select({
      alias: modelAliases.alias,
      modelVersionId: modelAliases.modelVersionId,
      version: modelVersions.version,
      updatedAt: modelAliases.updatedAt,
    })
    .from(modelAliases)
    .innerJoin(modelVersions, eq(modelVersions.id, modelAliases.modelVersionId));
}

/**
 * Points `alias` at a version (or removes it with null) and appends the change, with who and why,
 * to the history. Runs inside the caller's transaction when given one.
 */
export async function setAlias({
  db,
  alias,
  modelVersionId,
  action,
  actor,
  reason,
}: {
  db: Database | Tx;
  alias: AliasName;
  modelVersionId: number | null;
  action: AliasAction;
  actor: string;
  reason: string;
}): Promise<void> {
  const previous = await getAliasTarget({ db, alias });
  if (previous === modelVersionId) return;
  if (modelVersionId === null) {
    await db.delete(modelAliases).where(eq(modelAliases.alias, alias));
  } else {
    await db
      .insert(modelAliases)
      .values({ alias, modelVersionId, updatedAt: new Date() })
      .onConflictDoUpdate({ target: modelAliases.alias, set: { modelVersionId, updatedAt: new Date() } });
  }
  await db.insert(modelAliasHistory).values({
    alias,
    modelVersionId,
    previousModelVersionId: previous,
    action,
    actor,
    reason,
  });
}

/** The alias history, newest first, with version numbers. */
export async function getAliasHistory({ db, limit = 100 }: { db: Database; limit?: number }) {
  return db
    .select({
      id: modelAliasHistory.id,
      alias: modelAliasHistory.alias,
      action: modelAliasHistory.action,
      actor: modelAliasHistory.actor,
      reason: modelAliasHistory.reason,
      at: modelAliasHistory.at,
      modelVersionId: modelAliasHistory.modelVersionId,
      previousModelVersionId: modelAliasHistory.previousModelVersionId,
    })
    .from(modelAliasHistory)
    .orderBy(desc(modelAliasHistory.id))
    .limit(limit);
}

/**
 * The champion the current one replaced: the latest non-rollback change that made the current
 * version champion names it. Repeated rollbacks therefore walk back through earlier champions.
 */
export async function previousChampion({ db }: { db: Database | Tx }): Promise<number | null> {
  const current = await getAliasTarget({ db, alias: "champion" });
  if (current === null) return null;
  const [row] = await db
    .select({ previous: modelAliasHistory.previousModelVersionId })
    .from(modelAliasHistory)
    .where(
      and(
        eq(modelAliasHistory.alias, "champion"),
        eq(modelAliasHistory.modelVersionId, current),
        ne(modelAliasHistory.action, "rollback"),
      ),
    )
    .orderBy(desc(modelAliasHistory.id))
    .limit(1);
  return row?.previous ?? null;
}
