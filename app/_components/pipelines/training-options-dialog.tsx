"use client";

import type { TriggerInput } from "@/app/_actions/trigger-pipeline";
import { FormDialog } from "../form-dialog";
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

export function TrainingOptionsDialog({
  start,
  pending,
  defaults,
}: {
  start: (input: TriggerInput) => Promise<string | null>;
  pending: boolean;
  defaults: TrainingDefaults;
}) {
  async function submit(form: FormData) {
    const params = { ...defaults.params, ...Object.fromEntries(fields.map((f) => [f.name, Number(form.get(f.name))])) };
    const testSeasons = parseSeasons(String(form.get("testSeasons") ?? ""));
    return start({
      pipeline: "training",
      options: {
        engine: "forest",
        params,
        ...(testSeasons.length ? { testSeasons } : {}),
        reason: "started from the dashboard with options",
      },
    });
  }

  return (
    <FormDialog
      triggerLabel="Training options"
      title="Train a random forest with options"
      description={
        <>
          Evaluated walk-forward on the test seasons (each predicted by a model fitted on earlier seasons only, from{" "}
          {defaults.firstTrainingSeason}); it becomes champion only if it beats the current one on the same window.
        </>
      }
      submitLabel="Start training"
      pendingLabel="Starting…"
      pending={pending}
      onSubmit={submit}
    >
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        {fields.map((f) => (
          <div key={f.name} className="grid gap-2">
            <Label htmlFor={`training-${f.name}`}>{f.label}</Label>
            <Input
              id={`training-${f.name}`}
              name={f.name}
              type="number"
              required
              min={f.min}
              max={f.max}
              step={1}
              defaultValue={defaults.params[f.name]}
            />
          </div>
        ))}
      </div>
      <div className="grid gap-2">
        <Label htmlFor="training-test-seasons">Test seasons</Label>
        <Input id="training-test-seasons" name="testSeasons" defaultValue={defaults.testSeasons.join(", ")} />
      </div>
    </FormDialog>
  );
}
