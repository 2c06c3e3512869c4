import Link from "next/link";
import { cn } from "@/lib/utils";
import { PIPELINE_NAMES } from "@/lib/pipelines/pipeline-names";
import { PAGE_SIZES, RUN_STATUSES, runSearchHref, type RunSearch } from "./run-search";

function Chip({ href, active, children }: { href: string; active: boolean; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      aria-current={active ? "true" : undefined}
      className={cn(
        "rounded-md border px-2.5 py-1 text-xs font-medium transition-colors",
        active ? "bg-primary text-primary-foreground border-primary" : "hover:bg-accent text-muted-foreground",
      )}
    >
      {children}
    </Link>
  );
}

/** Function and status filters as links, so that the URL holds the table's state. */
export function RunFilters({ search }: { search: RunSearch }) {
  return (
    <nav
      aria-label="Filter runs"
      className="flex flex-col gap-2 text-sm sm:flex-row sm:flex-wrap sm:items-center sm:gap-6"
    >
      <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label="Function">
        <span className="text-muted-foreground mr-1 text-xs">Function</span>
        <Chip href={runSearchHref(search, { function: undefined })} active={!search.function}>
          all
        </Chip>
        {PIPELINE_NAMES.map((fn) => (
          <Chip key={fn} href={runSearchHref(search, { function: fn })} active={search.function === fn}>
            {fn}
          </Chip>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label="Status">
        <span className="text-muted-foreground mr-1 text-xs">Status</span>
        <Chip href={runSearchHref(search, { status: undefined })} active={!search.status}>
          all
        </Chip>
        {RUN_STATUSES.map((s) => (
          <Chip key={s} href={runSearchHref(search, { status: s })} active={search.status === s}>
            {s}
          </Chip>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label="Runs per page">
        <span className="text-muted-foreground mr-1 text-xs">Per page</span>
        {PAGE_SIZES.map((n) => (
          <Chip key={n} href={runSearchHref(search, { size: n })} active={search.size === n}>
            {n}
          </Chip>
        ))}
      </div>
    </nav>
  );
}
