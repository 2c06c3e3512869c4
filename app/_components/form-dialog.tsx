"use client";

import { useState } from "react";
import { Alert, AlertDescription } from "./ui/alert";
import { Button } from "./ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "./ui/dialog";

interface Props {
  triggerLabel: string;
  triggerVariant?: "default" | "outline";
  title: string;
  description: React.ReactNode;
  submitLabel: string;
  pendingLabel: string;
  /** Pending state owned by the caller (e.g. while its run starts); the dialog adds its own. */
  pending?: boolean;
  /** Resolves with an error message to show, or null to close the dialog. */
  onSubmit: (form: FormData) => Promise<string | null>;
  children: React.ReactNode;
}

/** A button opening a dialog with a form; the form's error is shown in place and keeps the input. */
export function FormDialog({
  triggerLabel,
  triggerVariant = "outline",
  title,
  description,
  submitLabel,
  pendingLabel,
  pending = false,
  onSubmit,
  children,
}: Props) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(form: FormData) {
    setBusy(true);
    const problem = await onSubmit(form).finally(() => setBusy(false));
    setError(problem);
    if (!problem) setOpen(false);
  }

  return (
    <Dialog open={open} onOpenChange={(next) => (setOpen(next), setError(null))}>
      <DialogTrigger asChild>
        <Button variant={triggerVariant} size="sm">
          {triggerLabel}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <form onSubmit={(e) => (e.preventDefault(), void submit(new FormData(e.currentTarget)))} className="grid gap-4">
          {children}
          {error ? (
            <Alert variant="destructive">
              <AlertDescription>{error}</AlertDescription>
            </Alert>
          ) : null}
          <DialogFooter>
            <Button type="submit" disabled={pending || busy}>
              {pending || busy ? pendingLabel : submitLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
