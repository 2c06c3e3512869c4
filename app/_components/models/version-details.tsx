import Link from "next/link";
import { seasonLabel } from "@/lib/data/season-code";
import type { ModelVersionSummary } from "@/lib/registry/model-versions";
import { formatNumber } from "../format";

/** What a version is: engine, parameters, features, the data it was fitted on and its artifact. */
export function VersionDetails({ version }: { version: ModelVersionSummary }) {
  const trainedOn = version.trainedOn as { matches?: number; seasons?: [string, string]; lastKickoff?: string };
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
        <dt className="text-muted-foreground">Engine</dt>
        <dd>{version.engine}</dd>
        <dt className="text-muted-foreground">Trained on</dt>
        <dd>
          {trainedOn.matches !== undefined ? `${formatNumber(trainedOn.matches)} matches` : "—"}
          {trainedOn.seasons
            ? `, seasons ${seasonLabel(trainedOn.seasons[0])} to ${seasonLabel(trainedOn.seasons[1])}`
            : ""}
        </dd>
        <dt className="text-muted-foreground">Data fingerprint</dt>
        <dd className="font-mono text-xs break-all">{version.dataFingerprint}</dd>
        <dt className="text-muted-foreground">Artifact</dt>
        <dd>
          {version.artifactFormat}, {formatNumber(Math.round(version.artifactBytes / 1024))} KiB
        </dd>
        <dt className="text-muted-foreground">Training run</dt>
        <dd>
          {version.trainingRunId ? (
            <Link href={`/runs/${version.trainingRunId}`} className="font-mono text-xs underline underline-offset-4">
              {version.trainingRunId.slice(0, 8)}
            </Link>
          ) : (
            "not recorded"
          )}
        </dd>
      </dl>
      <div className="min-w-0 space-y-3 text-sm">
        <div>
          <p className="text-muted-foreground mb-1">Parameters</p>
          <pre className="bg-muted/40 overflow-x-auto rounded-md border p-2 text-xs">
            {JSON.stringify(version.params, null, 2)}
          </pre>
        </div>
        <details>
          <summary className="text-muted-foreground cursor-pointer">{version.featureSet.length} features</summary>
          <ul className="mt-1 columns-1 font-mono text-xs sm:columns-2">
            {version.featureSet.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </details>
      </div>
    </div>
  );
}
