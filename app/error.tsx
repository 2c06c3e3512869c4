"use client";

import { Alert, AlertDescription, AlertTitle } from "./_components/ui/alert";
import { Button } from "./_components/ui/button";

/** A page that failed to render says why, plainly, and offers to try again. */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">This page could not be shown</h1>
      <Alert variant="destructive">
        <AlertTitle>{error.name === "Error" ? "Error" : error.name}</AlertTitle>
        <AlertDescription className="break-words">
          {error.message}
          {error.digest ? (
            <span className="text-muted-foreground block text-xs">server log reference {error.digest}</span>
          ) : null}
        </AlertDescription>
      </Alert>
      <Button onClick={reset}>Try again</Button>
    </div>
  );
}
