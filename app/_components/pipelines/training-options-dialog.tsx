"use client";

import { useState } from "react";
import type { TriggerInput } from "@/app/_actions/trigger-pipeline";
import { Alert, AlertDescription } from "../ui/alert";
import { Button } from "../ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "../ui/dialog";
import { Input } from "../ui/input";
import { Label } from "../ui/label";
import { parseSeasons } from "./season-list";

export interface TrainingDefaults {
  params: { nTrees: number; maxDepth: number; minSamplesLeaf: number; maxFeatures: number; seed: number };
  testSeasons: string[];
  firstTrainingSeason: string;
}

const fields = [
  { name: "nTrees", label: "Trees", min: 1, max: 2000 },
  { name: "maxDepth", label: "Maximum depth", min: 1, max: 40 },
  { name: "minSamplesLeaf", label: "Minimum matches per leaf", min: 1, max: 5000 },
] as const;

export function TrainingOptionsDialog({ start, pending, defaults }: { start: (input: TriggerInput) => Promise<string | null>; pending: boolean; defaults: TrainingDefaults }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(form: FormData) {
    const params = { ...defaults.params, ...Object.fromEntries(fields.map((f) => [f.name, Number(form.get(f.name))])) };
    const testSeasons = parseSeasons(String(form.get("testSeasons") ?? ""));
    const problem = await start({
      pipeline: "training",
      options: { engine: "forest", params, ...(testSeasons.length ? { testSeasons } : {}), reason: "started from the dashboard with options" },
    });
    setError(problem);
    if (!problem) setOpen(false);
  }

  return (
    <Dialog open={open} onOpenChange={(next) => (setOpen(next), setError(null))}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">Training options</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Train a random forest with options</DialogTitle>
          <DialogDescription>
            Evaluated walk-forward on the test seasons (each predicted by a model fitted on earlier seasons only, from{" "}
            {defaults.firstTrainingSeason}); it becomes champion only if it beats the current one on the same window.
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={(e) => (e.preventDefault(), void submit(new FormData(e.currentTarget)))} className="grid gap-4">
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
            {fields.map((f) => (
              <div key={f.name} className="grid gap-2">
                <Label htmlFor={`training-${f.name}`}>{f.label}</Label>
                <Input id={`training-${f.name}`} name={f.name} type="number" required min={f.min} max={f.max} step={1} defaultValue={defaults.params[f.name]} />
              </div>
            ))}
          </div>
          <div className="grid gap-2">
            <Label htmlFor="training-test-seasons">Test seasons</Label>
            <Input id="training-test-seasons" name="testSeasons" defaultValue={defaults.testSeasons.join(", ")} />
          </div>
          {error ? (
            <Alert variant="destructive">
              <AlertDescription>{error}</AlertDescription>
            </Alert>
          ) : null}
          <DialogFooter>
            <Button type="submit" disabled={pending}>
              {pending ? "Starting…" : "Start training"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
