"use client";

import { FormDialog } from "../form-dialog";
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
  return (
    <FormDialog
      triggerLabel={triggerLabel}
      triggerVariant={variant}
      title={title}
      description="This bypasses the promotion gate. The change is recorded in the alias history, and a predictions run then gives the upcoming fixtures the new champion's forecasts."
      submitLabel={confirmLabel}
      pendingLabel="Changing…"
      onSubmit={(form) => onConfirm(String(form.get("reason") ?? "").trim() || undefined)}
    >
      <div className="grid gap-2">
        <Label htmlFor="champion-reason">Reason (optional)</Label>
        <Input id="champion-reason" name="reason" maxLength={500} placeholder="why, for the alias history" />
      </div>
    </FormDialog>
  );
}
