import Link from "next/link";
import { formatNumber } from "../format";
import { Button } from "../ui/button";

/** Previous / next page links with the position in the whole list. */
export function PaginationNav({
  page,
  pageCount,
  total,
  noun,
  href,
}: {
  page: number;
  pageCount: number;
  total: number;
  noun: string;
  href: (page: number) => string;
}) {
  const link = (target: number, label: string, enabled: boolean) =>
    enabled ? (
      <Button asChild variant="outline" size="sm">
        <Link href={href(target)}>{label}</Link>
      </Button>
    ) : (
      <Button variant="outline" size="sm" disabled>
        {label}
      </Button>
    );
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-2 text-sm">
      <p className="text-muted-foreground">
        Page {formatNumber(Math.min(page, Math.max(pageCount, 1)))} of {formatNumber(Math.max(pageCount, 1))} ·{" "}
        {formatNumber(total)} {noun}
      </p>
      <div className="flex gap-2">
        {link(1, "First", page > 1)}
        {link(page - 1, "Previous", page > 1)}
        {link(page + 1, "Next", page < pageCount)}
        {link(pageCount, "Last", page < pageCount)}
      </div>
    </nav>
  );
}
