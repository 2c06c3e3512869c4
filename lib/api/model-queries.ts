import { z } from "zod";
import type { Database } from "@/db/client";
import { getAliasHistory, listAliases, type AliasName } from "@/lib/registry/aliases";
import { getModelVersionSummary, listModelVersions } from "@/lib/registry/model-versions";
import {
  modelVersionDetailSchema,
  toModelVersionDetail,
  toModelVersionView,
  type ModelVersionView,
} from "./model-view";

export const aliasChangeSchema = z.object({
  alias: z.string(),
  action: z.string().describe("promote, rollback, assign or remove"),
  actor: z.string().describe("Who: a training run, or the API client"),
  reason: z.string(),
  at: z.iso.datetime(),
  version: z.number().int().nullable().describe("The version the alias points at after the change (null: removed)"),
  previousVersion: z.number().int().nullable(),
});

export const modelVersionWithHistorySchema = modelVersionDetailSchema.extend({
  history: z.array(aliasChangeSchema).describe("Alias changes that involved this version, newest first"),
});

const DAY = 86_400_000;

export const championInfoSchema = modelVersionDetailSchema.extend({
  championSince: z.iso.datetime().nullable(),
  ageDays: z.number().int().describe("Days since the version was trained"),
});

async function aliasesByVersion(db: Database): Promise<Map<number, ModelVersionView["aliases"]>> {
  const map = new Map<number, ModelVersionView["aliases"]>();
  for (const a of await listAliases({ db })) map.set(a.version, [...(map.get(a.version) ?? []), a.alias as AliasName]);
  return map;
}

/** Every registered version, newest first, with the aliases that point at it. */
export async function listModelVersionViews({
  db,
  limit,
}: {
  db: Database;
  limit: number;
}): Promise<ModelVersionView[]> {
  const [versions, aliases] = await Promise.all([listModelVersions({ db, limit }), aliasesByVersion(db)]);
  return versions.map((v) => toModelVersionView(v, aliases.get(v.version) ?? []));
}

/** One version in full with the alias changes that involved it; null when it does not exist. */
export async function getModelVersionView({ db, version }: { db: Database; version: number }) {
  const summary = await getModelVersionSummary({ db, version });
  if (!summary) return null;
  const [aliases, history, versions] = await Promise.all([
    aliasesByVersion(db),
    getAliasHistory({ db, limit: 1000 }),
    listModelVersions({ db, limit: 100_000 }),
  ]);
  const numberOf = new Map(versions.map((v) => [v.id, v.version]));
  const relevant = history.filter((h) => h.modelVersionId === summary.id || h.previousModelVersionId === summary.id);
  return {
    ...toModelVersionDetail(summary, aliases.get(version) ?? []),
    history: relevant.map((h) => ({
      alias: h.alias,
      action: h.action,
      actor: h.actor,
      reason: h.reason,
      at: h.at.toISOString(),
      version: h.modelVersionId === null ? null : (numberOf.get(h.modelVersionId) ?? null),
      previousVersion: h.previousModelVersionId === null ? null : (numberOf.get(h.previousModelVersionId) ?? null),
    })),
  };
}

/** The champion in full, with since when it is champion; null when there is none. */
export async function getChampionInfo({
  db,
  now = new Date(),
}: {
  db: Database;
  now?: Date;
}): Promise<z.infer<typeof championInfoSchema> | null> {
  const champion = (await listAliases({ db })).find((a) => a.alias === "champion");
  if (!champion) return null;
  const summary = await getModelVersionSummary({ db, version: champion.version });
  if (!summary) return null;
  return {
    ...toModelVersionDetail(summary, (await aliasesByVersion(db)).get(champion.version) ?? []),
    championSince: champion.updatedAt.toISOString(),
    ageDays: Math.floor((now.getTime() - summary.createdAt.getTime()) / DAY),
  };
}
