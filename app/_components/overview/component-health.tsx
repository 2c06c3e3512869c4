import type { SystemStatus } from "@/lib/system/system-status";
import { formatScore } from "../format";
import { Badge } from "../ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "../ui/card";

type Tone = "success" | "destructive" | "warning" | "secondary";
interface Tile {
  name: string;
  state: string;
  tone: Tone;
  detail: string;
}

function tiles({ components: c }: SystemStatus): Tile[] {
  const db = c.database;
  const ex = c.executor;
  const model = c.model;
  const data = c.data;
  return [
    db.status === "up"
      ? {
          name: "Database",
          state: "up",
          tone: "success",
          detail: `${db.driver === "pglite" ? "PGlite (embedded)" : "Postgres"} · ${db.latencyMs.toFixed(2)} ms`,
        }
      : { name: "Database", state: "down", tone: "destructive", detail: db.error },
    ex.status === "up"
      ? {
          name: "Executor",
          state: "up",
          tone: "success",
          detail: `embedded · ${ex.functions.length} functions · ${ex.running} running, ${ex.queued} queued`,
        }
      : ex.status === "external"
        ? { name: "Executor", state: "Inngest", tone: "secondary", detail: "runs are executed by Inngest" }
        : { name: "Executor", state: "down", tone: "destructive", detail: ex.error },
    c.inngest.status === "not_configured"
      ? {
          name: "Inngest",
          state: "not configured",
          tone: "secondary",
          detail: "the embedded executor runs the pipelines",
        }
      : c.inngest.status === "up"
        ? { name: "Inngest", state: "up", tone: "success", detail: `${c.inngest.url} · ${c.inngest.latencyMs} ms` }
        : { name: "Inngest", state: "down", tone: "destructive", detail: `${c.inngest.url}: ${c.inngest.error}` },
    model.status === "up"
      ? {
          name: "Champion model",
          state: `v${model.version}`,
          tone: "success",
          detail: `${model.engine} · RPS ${formatScore(model.rps)}`,
        }
      : model.status === "missing"
        ? { name: "Champion model", state: "none yet", tone: "warning", detail: "training promotes the first one" }
        : { name: "Champion model", state: "down", tone: "destructive", detail: model.error },
    "stale" in data
      ? {
          name: "Data",
          state: data.stale ? "stale" : "fresh",
          tone: data.stale ? "warning" : "success",
          detail: data.latestResult ? `latest result ${data.ageDays} days ago` : "no results stored",
        }
      : { name: "Data", state: "down", tone: "destructive", detail: data.error },
  ];
}

/** Every component's state from the system status, one tile each. */
export function ComponentHealth({ status }: { status: SystemStatus }) {
  const list = tiles(status);
  return (
    <Card aria-labelledby="health-title" className="lg:col-span-2">
      <CardHeader>
        <CardTitle id="health-title" role="heading" aria-level={2}>
          Components
        </CardTitle>
        <CardDescription>
          {status.status === "ok"
            ? "Every component answers."
            : `Degraded: ${list
                .filter((t) => t.tone === "destructive")
                .map((t) => t.name)
                .join(", ")} down.`}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3" data-testid="component-health">
          {list.map((t) => (
            <li key={t.name} className="rounded-lg border p-3" data-component={t.name}>
              <div className="flex items-center justify-between gap-2">
                <span className="text-sm font-medium">{t.name}</span>
                <Badge variant={t.tone}>{t.state}</Badge>
              </div>
              <p className="text-muted-foreground mt-1 text-xs break-words">{t.detail}</p>
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
