"use client";

import { useState } from "react";
import { Alert, AlertDescription } from "../ui/alert";
import { Button } from "../ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "../ui/dialog";
import { Input } from "../ui/input";
import { Label } from "../ui/label";

interface Props {
  triggerLabel: string;
  title: string;
  confirmLabel: string;
  variant?: "default" | "outline";
  /** Resolves with an error message, or null once the change is made. */
  onConfirm: (reason: string | undefined) => Promise<string | null>;
}

/** A button that asks for confirmation (and an optional reason) before changing the champion. */
export function ChampionChangeDialog({ triggerLabel, title, confirmLabel, variant = "default", onConfirm }: Props) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm(form: FormData) {
    setPending(true);
    const problem = await onConfirm(String(form.get("reason") ?? "").trim() || undefined);
    setPending(false);
    setError(problem);
    if (!problem) setOpen(false);
  }

  return (
    <Dialog open={open} onOpenChange={(next) => (setOpen(next), setError(null))}>
      <DialogTrigger asChild>
        <Button size="sm" variant={variant}>
          {triggerLabel}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>
            This bypasses the promotion gate. The change is recorded in the alias history, and a predictions run then gives the
            upcoming fixtures the new champion&apos;s forecasts.
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={(e) => (e.preventDefault(), void confirm(new FormData(e.currentTarget)))} className="grid gap-4">
          <div className="grid gap-2">
            <Label htmlFor="champion-reason">Reason (optional)</Label>
            <Input id="champion-reason" name="reason" maxLength={500} placeholder="why, for the alias history" />
          </div>
          {error ? (
            <Alert variant="destructive">
              <AlertDescription>{error}</AlertDescription>
            </Alert>
          ) : null}
          <DialogFooter>
            <Button type="submit" disabled={pending}>
              {pending ? "Changing…" : confirmLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
