"use server";

import { z } from "zod";
import { getRunById, type RunDetail } from "@/lib/runs/run-queries";
import { failure, ok, type ActionResult } from "./action-result";

/** A run with its step attempts and logs, polled by the run page while the run is active. */
export async function getRunDetail(runId: string): Promise<ActionResult<RunDetail>> {
  try {
    const detail = await getRunById({ id: z.string().min(1).max(200).parse(runId) });
    return detail ? ok(detail) : { ok: false, error: `run ${runId} was not found` };
  } catch (error) {
    return failure(error);
  }
}
