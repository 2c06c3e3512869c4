import Link from "next/link";
import type { SeasonStats } from "@/lib/data/data-stats";
import { cn } from "@/lib/utils";
import { formatNumber } from "../format";

/** Every stored season as a link to its league table, with its finished and scheduled matches. */
export function SeasonCoverage({ seasons, selected }: { seasons: SeasonStats[]; selected: string | null }) {
  return (
    <ul className="grid grid-cols-3 gap-2 sm:grid-cols-4 lg:grid-cols-6 xl:grid-cols-8" data-testid="season-coverage">
      {seasons.map((s) => (
        <li key={s.season}>
          <Link
            href={`/data?season=${s.season}#league-table`}
            aria-current={s.season === selected ? "true" : undefined}
            aria-label={`${s.label}: ${s.finished} results, ${s.scheduled} fixtures; show its table`}
            className={cn(
              "hover:bg-accent block rounded-md border px-2 py-1.5 text-sm",
              s.season === selected && "border-primary bg-accent",
            )}
          >
            <span className="font-medium">{s.label}</span>
            <span className="text-muted-foreground block text-xs">
              {s.finished ? `${formatNumber(s.finished)} results` : ""}
              {s.finished && s.scheduled ? " · " : ""}
              {s.scheduled ? `${formatNumber(s.scheduled)} fixtures` : ""}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
