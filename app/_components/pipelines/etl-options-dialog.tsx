"use client";

import { useState } from "react";
import type { TriggerInput } from "@/app/_actions/trigger-pipeline";
import { Alert, AlertDescription } from "../ui/alert";
import { Button } from "../ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "../ui/dialog";
import { Input } from "../ui/input";
import { Label } from "../ui/label";
import { NativeSelect } from "../ui/native-select";
import { parseSeasons } from "./season-list";

export function EtlOptionsDialog({ start, pending }: { start: (input: TriggerInput) => Promise<string | null>; pending: boolean }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(form: FormData) {
    const seasons = parseSeasons(String(form.get("seasons") ?? ""));
    const problem = await start({
      pipeline: "etl",
      options: {
        source: form.get("source") === "live" ? "live" : "bundled",
        ...(seasons.length ? { seasons } : {}),
        fixtures: form.get("fixtures") === "on",
        force: form.get("force") === "on",
      },
    });
    setError(problem);
    if (!problem) setOpen(false);
  }

  return (
    <Dialog open={open} onOpenChange={(next) => (setOpen(next), setError(null))}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">ETL options</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Run the ETL with options</DialogTitle>
          <DialogDescription>
            Bundled reads the snapshot shipped with the project; live downloads each season file from the configured
            football-data.co.uk address.
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={(e) => (e.preventDefault(), void submit(new FormData(e.currentTarget)))} className="grid gap-4">
          <div className="grid gap-2">
            <Label htmlFor="etl-source">Source</Label>
            <NativeSelect id="etl-source" name="source" defaultValue="bundled">
              <option value="bundled">bundled snapshot</option>
              <option value="live">live (football-data.co.uk)</option>
            </NativeSelect>
          </div>
          <div className="grid gap-2">
            <Label htmlFor="etl-seasons">Seasons</Label>
            <Input id="etl-seasons" name="seasons" placeholder="e.g. 2324, 2425 (empty: every season)" aria-describedby="etl-seasons-help" />
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
          {error ? (
            <Alert variant="destructive">
              <AlertDescription>{error}</AlertDescription>
            </Alert>
          ) : null}
          <DialogFooter>
            <Button type="submit" disabled={pending}>
              {pending ? "Starting…" : "Start ETL"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
