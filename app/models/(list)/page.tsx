import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { getAliasHistory, listAliases } from "@/lib/registry/aliases";
import { listModelVersions } from "@/lib/registry/model-versions";
import { EmptyState } from "@/app/_components/empty-state";
import { AliasHistoryTable } from "@/app/_components/models/alias-history-table";
import { ModelVersionsTable } from "@/app/_components/models/model-versions-table";
import { PageHeader } from "@/app/_components/page-header";
import { PipelineTriggers } from "@/app/_components/pipelines/pipeline-triggers";
import { trainingDefaults } from "@/app/_components/pipelines/training-defaults";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Models" };

export default async function ModelsPage() {
  const db = await getDb();
  const [versions, aliases, history] = await Promise.all([
    listModelVersions({ db }),
    listAliases({ db }),
    getAliasHistory({ db, limit: 50 }),
  ]);
  const aliasesOf = (id: number) => aliases.filter((a) => a.modelVersionId === id).map((a) => a.alias);
  const versionOf = new Map(versions.map((v) => [v.id, v.version]));
  return (
    <div className="space-y-6">
      <PageHeader
        title="Models"
        description="Every registered version with its walk-forward scores next to the bookmakers' margin-free pre-match prices on the same matches. RPS and log loss: lower is better."
      />
      <Card>
        <CardHeader>
          <CardTitle role="heading" aria-level={2}>
            Versions
          </CardTitle>
          <CardDescription>
            {versions.length} registered, newest first. Open a version for its calibration, features and per-season
            scores.
          </CardDescription>
        </CardHeader>
        <CardContent>
          {versions.length === 0 ? (
            <EmptyState title="No model versions yet">
              Run the training pipeline below; a fresh install trains one by itself after its first ETL.
            </EmptyState>
          ) : (
            <ModelVersionsTable versions={versions} aliasesOf={aliasesOf} />
          )}
        </CardContent>
      </Card>
      <PipelineTriggers pipelines={["training"]} trainingDefaults={trainingDefaults} />
      <Card>
        <CardHeader>
          <CardTitle role="heading" aria-level={2}>
            Alias history
          </CardTitle>
          <CardDescription>
            Which version was champion or challenger, when, by whom and why (latest 50 changes).
          </CardDescription>
        </CardHeader>
        <CardContent>
          <AliasHistoryTable entries={history} versionOf={versionOf} />
        </CardContent>
      </Card>
    </div>
  );
}
