"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { triggerPipeline, type TriggerInput } from "@/app/_actions/trigger-pipeline";
import type { RunAccepted } from "@/lib/services/pipeline-runs";

/** Starts a pipeline through the server action and remembers the run to follow. */
export function usePipelineTrigger() {
  const [run, setRun] = useState<RunAccepted | null>(null);
  const mutation = useMutation({
    mutationFn: async (input: TriggerInput) => {
      const result = await triggerPipeline(input);
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
    onSuccess: setRun,
  });
  return {
    /** Resolves with the error message, or null when the run was started. */
    start: async (input: TriggerInput): Promise<string | null> => {
      try {
        await mutation.mutateAsync(input);
        return null;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    },
    pending: mutation.isPending,
    error: mutation.error?.message ?? null,
    run,
  };
}
