"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { changeChampion, type ChampionChange } from "@/app/_actions/change-champion";
import { RunFollower } from "../pipelines/run-follower";
import { Alert, AlertDescription } from "../ui/alert";
import { Button } from "../ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "../ui/dialog";
import { Input } from "../ui/input";
import { Label } from "../ui/label";

interface Props {
  version: number;
  isChampion: boolean;
  /** The version a rollback would restore, when this one is champion and replaced another. */
  rollbackTo: number | null;
}

/** Promote this version, or roll the champion back, after a confirmation with an optional reason. */
export function ChampionActions({ version, isChampion, rollbackTo }: Props) {
  const [open, setOpen] = useState<"promote" | "rollback" | null>(null);
  const mutation = useMutation({
    mutationFn: async (change: ChampionChange) => {
      const result = await changeChampion(change);
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
    onSuccess: () => setOpen(null),
  });

  function confirm(form: FormData) {
    const reason = String(form.get("reason") ?? "").trim() || undefined;
    mutation.mutate(open === "promote" ? { action: "promote", version, reason } : { action: "rollback", reason });
  }

  const action = open ?? "promote";
  const title = action === "promote" ? `Make v${version} the champion?` : `Roll back to v${rollbackTo}?`;
  return (
    <div className="space-y-2">
      <Dialog open={open !== null} onOpenChange={(next) => (mutation.reset(), setOpen(next ? action : null))}>
        <div className="flex flex-wrap gap-2">
          {!isChampion ? (
            <DialogTrigger asChild>
              <Button size="sm" onClick={() => setOpen("promote")}>
                Promote v{version} to champion
              </Button>
            </DialogTrigger>
          ) : null}
          {isChampion && rollbackTo !== null ? (
            <DialogTrigger asChild>
              <Button size="sm" variant="outline" onClick={() => setOpen("rollback")}>
                Roll back to v{rollbackTo}
              </Button>
            </DialogTrigger>
          ) : null}
        </div>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>{title}</DialogTitle>
            <DialogDescription>
              This bypasses the promotion gate. The change is recorded in the alias history, and a predictions run then gives
              the upcoming fixtures the new champion&apos;s forecasts.
            </DialogDescription>
          </DialogHeader>
          <form onSubmit={(e) => (e.preventDefault(), void confirm(new FormData(e.currentTarget)))} className="grid gap-4">
            <div className="grid gap-2">
              <Label htmlFor="champion-reason">Reason (optional)</Label>
              <Input id="champion-reason" name="reason" maxLength={500} placeholder="why, for the alias history" />
            </div>
            {mutation.error ? (
              <Alert variant="destructive">
                <AlertDescription>{mutation.error.message}</AlertDescription>
              </Alert>
            ) : null}
            <DialogFooter>
              <Button type="submit" disabled={mutation.isPending}>
                {mutation.isPending ? "Changing…" : action === "promote" ? "Promote" : "Roll back"}
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
      {mutation.data?.predictionsRunId ? (
        <div className="space-y-1 text-sm">
          <p role="status">Champion changed. Predictions for the upcoming fixtures:</p>
          <RunFollower runId={mutation.data.predictionsRunId} alreadyActive={false} />
        </div>
      ) : null}
    </div>
  );
}
