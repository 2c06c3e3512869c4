"use server";

import { z } from "zod";
import { notFound } from "@/lib/api/errors";
import { getRunById } from "@/lib/runs/run-queries";
import { action } from "./action";

/** A run with its step attempts and logs, polled by the run page while the run is active. */
export const getRunDetail = action({ input: z.string().min(1).max(200), changesState: false }, async (id, { db }) => {
  const detail = await getRunById({ db, id });
  if (!detail) throw notFound(`Run ${id}`);
  return detail;
});
