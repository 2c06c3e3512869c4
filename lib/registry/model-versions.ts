import { desc, eq, getTableColumns, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { modelVersions, type ModelVersion } from "@/db/schema";
import type { ModelMetrics } from "./model-metrics";

export type NewModelVersion = Omit<typeof modelVersions.$inferInsert, "id" | "version" | "createdAt" | "metrics"> & {
  metrics: ModelMetrics;
};

/** A model version without its artifact (what lists and the API show). */
export type ModelVersionSummary = Omit<ModelVersion, "artifact"> & { artifactBytes: number };

const { artifact: _artifact, ...summaryColumns } = getTableColumns(modelVersions);
const summarySelect = {
  ...summaryColumns,
  artifactBytes: sql<number>`octet_length(${modelVersions.artifact})`.mapWith(Number),
};

/** Registers a new version numbered one above the highest so far. */
export async function registerModelVersion({
  db,
  version,
}: {
  db: Database;
  version: NewModelVersion;
}): Promise<ModelVersion> {
  return db.transaction(async (tx) => {
    // Serialises concurrent registrations so that version numbers never collide.
    await tx.execute(sql`lock table ${modelVersions} in share row exclusive mode`);
    const [{ next }] = await tx
      .select({ next: sql<number>`coalesce(max(${modelVersions.version}), 0) + 1`.mapWith(Number) })
      .from(modelVersions);
    const [row] = await tx
      .insert(modelVersions)
      .values({ ...version, version: next, metrics: version.metrics as unknown as Record<string, unknown> })
      .returning();
    return row;
  });
}

export async function listModelVersions({
  db,
  limit = 100,
}: {
  db: Database;
  limit?: number;
}): Promise<ModelVersionSummary[]> {
  return db.select(summarySelect).from(modelVersions).orderBy(desc(modelVersions.version)).limit(limit);
}

export async function getModelVersionSummary({
  db,
  version,
}: {
  db: Database;
  version: number;
}): Promise<ModelVersionSummary | null> {
  const [row] = await db.select(summarySelect).from(modelVersions).where(eq(modelVersions.version, version));
  return row ?? null;
}

export async function getModelVersionSummaryById({
  db,
  id,
}: {
  db: Database;
  id: number;
}): Promise<ModelVersionSummary | null> {
  const [row] = await db.select(summarySelect).from(modelVersions).where(eq(modelVersions.id, id));
  return row ?? null;
}

/** The full row, artifact included (for loading the model). */
export async function getModelVersionById({ db, id }: { db: Database; id: number }): Promise<ModelVersion | null> {
  const [row] = await db.select().from(modelVersions).where(eq(modelVersions.id, id));
  return row ?? null;
}

export function metricsOf(version: Pick<ModelVersion, "metrics">): ModelMetrics {
  return version.metrics as unknown as ModelMetrics;
}
