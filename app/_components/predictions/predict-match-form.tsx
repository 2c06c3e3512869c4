"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { predictSingleMatch, type SingleMatchRequest } from "@/app/_actions/predict-single-match";
import { Alert, AlertDescription, AlertTitle } from "../ui/alert";
import { Button } from "../ui/button";
import { Input } from "../ui/input";
import { Label } from "../ui/label";
import { NativeSelect } from "../ui/native-select";
import { PredictionResult } from "./prediction-result";

const ODDS = [
  ["home", "Home odds"],
  ["draw", "Draw odds"],
  ["away", "Away odds"],
] as const;

function TeamPicker({
  id,
  name,
  label,
  teams,
}: {
  id: string;
  name: string;
  label: string;
  teams: { id: number; name: string }[];
}) {
  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>{label}</Label>
      <NativeSelect id={id} name={name} required defaultValue="">
        <option value="" disabled>
          Choose a club
        </option>
        {teams.map((t) => (
          <option key={t.id} value={t.name}>
            {t.name}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}

/** The champion's forecast for any pairing: two clubs, an optional kickoff and optional decimal odds. */
export function PredictMatchForm({ teams }: { teams: { id: number; name: string }[] }) {
  const [formError, setFormError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: async (request: SingleMatchRequest) => {
      const result = await predictSingleMatch(request);
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
  });

  function submit(form: FormData) {
    const text = (k: string) => String(form.get(k) ?? "").trim();
    const kickoff = text("kickoff");
    const odds = ODDS.map(([k]) => text(`odds-${k}`));
    if (odds.some(Boolean) && !odds.every(Boolean)) {
      mutation.reset();
      return setFormError("Give all three odds (home, draw, away) or none.");
    }
    setFormError(null);
    mutation.mutate({
      homeTeam: text("home"),
      awayTeam: text("away"),
      // datetime-local is the browser's local time; the server gets an absolute instant.
      ...(kickoff ? { kickoff: new Date(kickoff).toISOString() } : {}),
      ...(odds.some(Boolean) ? { odds: { home: Number(odds[0]), draw: Number(odds[1]), away: Number(odds[2]) } } : {}),
    });
  }

  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
      <form
        onSubmit={(e) => (e.preventDefault(), void submit(new FormData(e.currentTarget)))}
        className="grid content-start gap-4"
        aria-label="Predict a single match"
      >
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <TeamPicker id="predict-home" name="home" label="Home team" teams={teams} />
          <TeamPicker id="predict-away" name="away" label="Away team" teams={teams} />
        </div>
        <div className="grid gap-2">
          <Label htmlFor="predict-kickoff">Kickoff (optional, your local time)</Label>
          <Input id="predict-kickoff" name="kickoff" type="datetime-local" aria-describedby="predict-kickoff-help" />
          <p id="predict-kickoff-help" className="text-muted-foreground text-xs">
            Empty: now. Features use only what was known before this moment.
          </p>
        </div>
        <fieldset className="grid gap-2">
          <legend className="mb-2 text-sm font-medium">Decimal odds (optional: all three or none)</legend>
          <div className="grid grid-cols-3 gap-3">
            {ODDS.map(([k, label]) => (
              <div key={k} className="grid gap-1">
                <Label htmlFor={`predict-odds-${k}`} className="text-muted-foreground text-xs">
                  {label}
                </Label>
                <Input
                  id={`predict-odds-${k}`}
                  name={`odds-${k}`}
                  type="number"
                  inputMode="decimal"
                  min={1.01}
                  step={0.01}
                  placeholder="e.g. 2.10"
                />
              </div>
            ))}
          </div>
        </fieldset>
        <div>
          <Button type="submit" disabled={mutation.isPending}>
            {mutation.isPending ? "Predicting…" : "Predict"}
          </Button>
        </div>
      </form>
      <div aria-live="polite" className="min-w-0">
        {formError || mutation.error ? (
          <Alert variant="destructive">
            <AlertTitle>No forecast</AlertTitle>
            <AlertDescription>{formError ?? mutation.error?.message}</AlertDescription>
          </Alert>
        ) : mutation.data ? (
          <PredictionResult prediction={mutation.data} />
        ) : (
          <p className="text-muted-foreground rounded-lg border border-dashed p-6 text-center text-sm">
            The forecast appears here.
          </p>
        )}
      </div>
    </div>
  );
}
