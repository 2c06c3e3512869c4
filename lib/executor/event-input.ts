import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { InngestEvent } from "./protocol";

/** An event as code sends it; `id` and `ts` are filled in when missing. */
export const eventInputSchema = z.object({
  name: z.string().trim().min(1, "must be a non-empty event name such as pipeline/etl.requested"),
  data: z.record(z.string(), z.unknown(), { error: "must be an object" }).default({}),
  id: z.string().min(1).optional(),
  ts: z.number().int().positive().optional(),
});

export type EventInput = z.input<typeof eventInputSchema>;

/** Bad events given to dispatch: names each event and field that is wrong. */
export class EventValidationError extends Error {
  constructor(readonly issues: { field: string; message: string }[]) {
    super(`Invalid event: ${issues.map((i) => `${i.field} ${i.message}`).join("; ")}`);
    this.name = "EventValidationError";
  }
}

/** Validates events and completes them with an id and a timestamp. */
export function normalizeEvents(input: EventInput | EventInput[], now = Date.now()): InngestEvent[] {
  const list = Array.isArray(input) ? input : [input];
  const issues: { field: string; message: string }[] = [];
  const events = list.map((raw, index) => {
    const result = eventInputSchema.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const path = [Array.isArray(input) ? `events.${index}` : "event", ...issue.path.map(String)].join(".");
        issues.push({ field: path, message: issue.message });
      }
      return null;
    }
    const e = result.data;
    return { id: e.id ?? randomUUID(), name: e.name, data: e.data, ts: e.ts ?? now };
  });
  if (issues.length) throw new EventValidationError(issues);
  return events as InngestEvent[];
}
