import { Section } from "@/app/_components/section";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { REGIMES } from "@/db/regimes";
import { getAliasHistory, listAliases, previousChampion } from "@/lib/registry/aliases";
import { getModelVersionSummary, listModelVersions, metricsOf } from "@/lib/registry/model-versions";
import { formatDateTime, formatNumber } from "../../_components/format";
import { AliasBadges } from "../../_components/models/alias-badges";
import { AliasHistoryTable } from "../../_components/models/alias-history-table";
import { ChampionActions } from "../../_components/models/champion-actions";
import { RegimeEvaluation } from "../../_components/models/regime-evaluation";
import { VersionDetails } from "../../_components/models/version-details";
import { windowLabel } from "../../_components/models/window-label";
import { PageHeader } from "../../_components/page-header";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ version: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Model v${(await params).version}` };
}

export default async function ModelVersionPage({ params }: Props) {
  const number = Number((await params).version.replace(/^v/i, ""));
  // Version numbers are int4: anything else cannot exist (and must not reach the database).
  if (!Number.isInteger(number) || number < 1 || number > 2_147_483_647) notFound();
  const db = await getDb();
  const [version, aliases, history, versions, previous] = await Promise.all([
    getModelVersionSummary({ db, version: number }),
    listAliases({ db }),
    getAliasHistory({ db, limit: 500 }),
    listModelVersions({ db, limit: 1_000 }),
    previousChampion({ db }),
  ]);
  if (!version) notFound();
  const metrics = metricsOf(version);
  const mine = aliases.filter((a) => a.modelVersionId === version.id).map((a) => a.alias);
  const isChampion = mine.includes("champion");
  const versionOf = new Map(versions.map((v) => [v.id, v.version]));
  const rollbackTo = isChampion && previous !== null ? (versionOf.get(previous) ?? null) : null;
  return (
    <div className="space-y-6">
      <PageHeader
        title={`Model v${version.version}`}
        description={`${version.engine}, registered ${formatDateTime(version.createdAt)}; evaluated walk-forward on ${windowLabel(metrics.window)} (${formatNumber(metrics.pooled.n)} matches), ${metrics.refit}.`}
      >
        <AliasBadges aliases={mine} />
        <Link href="/models" className="text-sm underline underline-offset-4">
          All versions
        </Link>
      </PageHeader>
      <ChampionActions version={version.version} isChampion={isChampion} rollbackTo={rollbackTo} />
      {REGIMES.map((regime) => (
        <RegimeEvaluation
          key={regime}
          version={version.version}
          regime={regime}
          metrics={
            metrics.regimes?.[regime] ?? {
              // A version from before the two regimes had one model, evaluated with odds imputed when missing.
              features: version.featureSet,
              params: version.params,
              pooled: regime === "with-odds" ? metrics.pooled : { n: 0, scores: {}, missing: {} },
              seasons: regime === "with-odds" ? metrics.seasons : [],
              featureImportance: regime === "with-odds" ? metrics.featureImportance : undefined,
            }
          }
        />
      ))}
      <Section title="Version">
        <VersionDetails version={version} />
      </Section>
      <Section title="Alias history of this version">
        <AliasHistoryTable
          entries={history.filter((e) => e.modelVersionId === version.id || e.previousModelVersionId === version.id)}
          versionOf={versionOf}
        />
      </Section>
    </div>
  );
}
