"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { lockDashboard, unlockDashboard } from "@/app/_actions/unlock-dashboard";
import { Button } from "./ui/button";
import { Input } from "./ui/input";
import { Label } from "./ui/label";

/** With API_KEY set: the form that unlocks the dashboard's buttons in this browser, or a lock button. */
export function DashboardLock({ locked }: { locked: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function unlock(form: FormData) {
    setPending(true);
    const result = await unlockDashboard(String(form.get("key") ?? ""));
    setPending(false);
    setError(result.ok ? null : result.error);
    if (result.ok) router.refresh();
  }

  if (!locked) {
    return (
      <Button
        variant="ghost"
        size="sm"
        className="mt-4 w-full"
        onClick={async () => (await lockDashboard(undefined), router.refresh())}
      >
        Lock the dashboard
      </Button>
    );
  }
  return (
    <form
      onSubmit={(e) => (e.preventDefault(), void unlock(new FormData(e.currentTarget)))}
      className="mt-4 grid gap-2 rounded-md border p-3"
    >
      <Label htmlFor="dashboard-key" className="text-xs">
        Locked: the API key unlocks the buttons
      </Label>
      <Input id="dashboard-key" name="key" type="password" autoComplete="current-password" required />
      {error ? <p className="text-destructive text-xs">{error}</p> : null}
      <Button type="submit" size="sm" disabled={pending}>
        {pending ? "Checking…" : "Unlock"}
      </Button>
    </form>
  );
}
