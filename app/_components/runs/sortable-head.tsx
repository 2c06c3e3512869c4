import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import Link from "next/link";
import type { RunSortColumn } from "@/lib/runs/run-queries";
import { cn } from "@/lib/utils";
import { TableHead } from "../ui/table";
import { sortHref, type RunSearch } from "./run-search";

/** A column header that sorts the table by its column through the URL. */
export function SortableHead({
  search,
  column,
  children,
  className,
}: {
  search: RunSearch;
  column: RunSortColumn;
  children: string;
  className?: string;
}) {
  const active = search.sort === column;
  const Icon = !active ? ArrowUpDown : search.dir === "asc" ? ArrowUp : ArrowDown;
  return (
    <TableHead aria-sort={active ? (search.dir === "asc" ? "ascending" : "descending") : "none"} className={className}>
      <Link
        href={sortHref(search, column)}
        className={cn(
          "inline-flex items-center gap-1 hover:underline",
          active ? "text-foreground" : "text-muted-foreground",
        )}
      >
        {children}
        <Icon className="size-3.5" aria-hidden />
        <span className="sr-only">
          {active
            ? `, sorted ${search.dir === "asc" ? "ascending" : "descending"}; sort the other way`
            : ", sort by this column"}
        </span>
      </Link>
    </TableHead>
  );
}
