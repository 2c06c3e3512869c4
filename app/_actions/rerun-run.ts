"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { authorizeDashboardAction } from "@/lib/api/protection";
import { dispatch } from "@/lib/pipelines/dispatch";
import { rerunRequest } from "@/lib/runs/rerun-request";
import { getRun } from "@/lib/runs/run-store";
import { failure, ok, type ActionResult } from "./action-result";
import type { Triggered } from "./trigger-pipeline";

/** Runs a run's pipeline again: same parameters when it was requested, defaults otherwise. */
export async function rerunRun(runId: string): Promise<ActionResult<Triggered & { sameParameters: boolean }>> {
  try {
    authorizeDashboardAction(await headers());
    const run = await getRun({ id: z.string().min(1).max(200).parse(runId) });
    if (!run) return { ok: false, error: `run ${runId} was not found` };
    const request = rerunRequest(run);
    if (!request) return { ok: false, error: `function "${run.functionId}" has no request event to rerun it with` };
    const result = await dispatch(request.event, { dedupe: true, trigger: "manual" });
    const id = result.runIds[0] ?? null;
    return ok({
      runId: id,
      alreadyActive: id !== null && result.existingRunIds.includes(id),
      sameParameters: request.sameParameters,
    });
  } catch (error) {
    return failure(error);
  }
}
