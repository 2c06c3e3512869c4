import type { z } from "zod";
import type { ColumnSelection, SeasonField } from "./season-columns";

/** A bad row's reason: each issue prefixed by the column it is about, as the file names it. */
export function quarantineReason(error: z.ZodError, selection: Pick<ColumnSelection, "column">): string {
  return error.issues
    .map((issue) => {
      const field = issue.path[issue.path.length - 1] as SeasonField | undefined;
      return field ? `${selection.column[field] ?? field} ${issue.message}` : issue.message;
    })
    .join("; ");
}
