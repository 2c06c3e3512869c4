import canonicalize from "canonicalize";
import { desc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { modelVersions, pipelineRuns } from "@/db/schema";
import { compareSeasons } from "@/lib/data/season-code";
import type { FeatureRow } from "@/lib/features/build-features";
import { getFeatureSnapshot } from "@/lib/features/feature-cache";
import { fingerprintRows } from "@/lib/model/evaluation/fingerprint";
import { trainingRequested } from "./events";
import { resolveTrainingConfig, type TrainingConfig } from "./training-config";
import type { TrainingRequest } from "./requests";

/** The rows the final model is fitted on: every finished match from the first training season. */
export function finalTrainingRows(rows: readonly FeatureRow[], config: Pick<TrainingConfig, "window">) {
  return rows.filter(
    (r): r is FeatureRow & { outcome: NonNullable<FeatureRow["outcome"]> } =>
      r.outcome !== null && compareSeasons(r.season, config.window.firstTrainingSeason) >= 0,
  );
}

// What decides the model (a run's reason and force flag do not), as canonical JSON: jsonb keeps no
// key order.
const decisive = ({ engine, params, search, window }: TrainingConfig) =>
  canonicalize({ engine, params, search, window });

/**
 * The newest registered version trained on exactly these data (its final training rows'
 * fingerprint) by a training run asked for the same configuration, or null. Training it again
 * would only register a twin: the ETL's event and an explicit request after the same load, a
 * weekly schedule on a quiet week.
 */
export async function findTwinVersion({
  db,
  config,
}: {
  db: Database;
  config: TrainingConfig;
}): Promise<{ version: number } | null> {
  const { rows } = await getFeatureSnapshot({ db });
  const fingerprint = fingerprintRows(finalTrainingRows(rows, config));
  const [latest] = await db
    .select({
      version: modelVersions.version,
      engine: modelVersions.engine,
      eventName: pipelineRuns.eventName,
      params: pipelineRuns.params,
    })
    .from(modelVersions)
    .innerJoin(pipelineRuns, eq(pipelineRuns.id, modelVersions.trainingRunId))
    .where(eq(modelVersions.dataFingerprint, fingerprint))
    .orderBy(desc(modelVersions.version))
    .limit(1);
  if (!latest) return null;
  // A run started by new data or the schedule trained with the defaults, not with its event's data.
  const request = latest.eventName === trainingRequested.name ? (latest.params as TrainingRequest) : {};
  const earlier = resolveTrainingConfig(request, latest.engine as TrainingConfig["engine"]);
  return decisive(earlier) === decisive(config) ? { version: latest.version } : null;
}
