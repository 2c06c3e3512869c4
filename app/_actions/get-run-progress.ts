"use server";

import { z } from "zod";
import { notFound } from "@/lib/api/errors";
import { getRunProgress as readRunProgress } from "@/lib/runs/run-queries";
import { action } from "./action";

/** A small view of a run for the live trigger buttons, polled until the run ends. */
export const getRunProgress = action({ input: z.string().min(1).max(200), changesState: false }, async (id, { db }) => {
  const progress = await readRunProgress({ db, id });
  if (!progress) throw notFound(`Run ${id}`);
  return progress;
});
