import { z } from "zod";
import { runSortColumns, type RunSortColumn } from "@/lib/runs/run-queries";
import { RUN_STATUSES } from "@/db/run-status";
import { pipelineNameSchema } from "@/lib/pipelines/registry";

export { RUN_STATUSES };
export const PAGE_SIZES = [5, 10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

// Anything unreadable in the URL falls back to its default instead of failing the page.
const searchSchema = z.object({
  function: pipelineNameSchema.optional().catch(undefined),
  status: z.enum(RUN_STATUSES).optional().catch(undefined),
  sort: z.enum(runSortColumns).default("queuedAt").catch("queuedAt"),
  dir: z.enum(["asc", "desc"]).default("desc").catch("desc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  size: z.coerce
    .number()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
    .default(DEFAULT_PAGE_SIZE)
    .catch(DEFAULT_PAGE_SIZE),
});

export type RunSearch = z.infer<typeof searchSchema>;
export type SearchParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The Runs table's state (filters, sort, page) from the URL. */
export function parseRunSearch(params: SearchParams): RunSearch {
  return searchSchema.parse(Object.fromEntries(Object.entries(params).map(([k, v]) => [k, first(v)])));
}

/** The URL of the Runs table with some of its state changed; defaults are left out. Filters reset the page. */
export function runSearchHref(current: RunSearch, change: Partial<RunSearch>): string {
  const resetsPage = ("function" in change || "status" in change || "size" in change) && !("page" in change);
  const next = { ...current, ...(resetsPage ? { page: 1 } : {}), ...change };
  const params = new URLSearchParams();
  if (next.function) params.set("function", next.function);
  if (next.status) params.set("status", next.status);
  if (next.sort !== "queuedAt") params.set("sort", next.sort);
  if (next.dir !== "desc") params.set("dir", next.dir);
  if (next.page !== 1) params.set("page", String(next.page));
  if (next.size !== DEFAULT_PAGE_SIZE) params.set("size", String(next.size));
  const query = params.toString();
  return query ? `/runs?${query}` : "/runs";
}

/** Clicking a column sorts by it; clicking the sorted column again flips the direction. */
export function sortHref(current: RunSearch, column: RunSortColumn): string {
  const dir =
    current.sort === column
      ? current.dir === "desc"
        ? "asc"
        : "desc"
      : column === "functionId" || column === "status"
        ? "asc"
        : "desc";
  return runSearchHref(current, { sort: column, dir, page: 1 });
}
