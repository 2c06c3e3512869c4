"use client";

import type { TriggerInput } from "@/app/_actions/trigger-pipeline";
import { FormDialog } from "../form-dialog";
import { Input } from "../ui/input";
import { Label } from "../ui/label";
import { NativeSelect } from "../ui/native-select";
import { parseSeasons } from "./season-list";

const SOURCES = ["auto", "bundled", "live"] as const;

export function EtlOptionsDialog({
  start,
  pending,
}: {
  start: (input: TriggerInput) => Promise<string | null>;
  pending: boolean;
}) {
  async function submit(form: FormData) {
    const seasons = parseSeasons(String(form.get("seasons") ?? ""));
    return start({
      pipeline: "etl",
      options: {
        source: SOURCES.find((s) => s === form.get("source")) ?? "auto",
        ...(seasons.length ? { seasons } : {}),
        fixtures: form.get("fixtures") === "on",
        force: form.get("force") === "on",
      },
    });
  }

  return (
    <FormDialog
      triggerLabel="ETL options"
      title="Run the ETL with options"
      description="Bundled reads the snapshot shipped with the project; live downloads each season file and the fixtures file's odds from the configured football-data.co.uk addresses; auto reads the snapshot, then downloads the newer seasons and the odds (offline: the snapshot alone)."
      submitLabel="Start ETL"
      pendingLabel="Starting…"
      pending={pending}
      onSubmit={submit}
    >
      <div className="grid gap-2">
        <Label htmlFor="etl-source">Source</Label>
        <NativeSelect id="etl-source" name="source" defaultValue="auto">
          <option value="auto">auto (snapshot, then live)</option>
          <option value="bundled">bundled snapshot</option>
          <option value="live">live (football-data.co.uk)</option>
        </NativeSelect>
      </div>
      <div className="grid gap-2">
        <Label htmlFor="etl-seasons">Seasons</Label>
        <Input
          id="etl-seasons"
          name="seasons"
          placeholder="e.g. 2324, 2425 (empty: every season)"
          aria-describedby="etl-seasons-help"
        />
        <p id="etl-seasons-help" className="text-muted-foreground text-xs">
          Season codes YYZZ: 2324 is 2023/24.
        </p>
      </div>
      <div className="flex items-center gap-2">
        <input id="etl-fixtures" name="fixtures" type="checkbox" defaultChecked className="accent-primary size-4" />
        <Label htmlFor="etl-fixtures">Also load fixtures</Label>
      </div>
      <div className="flex items-center gap-2">
        <input id="etl-force" name="force" type="checkbox" className="accent-primary size-4" />
        <Label htmlFor="etl-force">Reload files even when unchanged</Label>
      </div>
    </FormDialog>
  );
}
