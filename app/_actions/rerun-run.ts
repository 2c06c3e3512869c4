"use server";

import { z } from "zod";
import { rerunPipelineRun } from "@/lib/services/pipeline-runs";
import { action } from "./action";

/** Runs a run's pipeline again: same parameters when it was requested, defaults otherwise. */
export const rerunRun = action({ input: z.string().min(1).max(200), changesState: true }, (id, { db }) =>
  rerunPipelineRun({ db, id }),
);
