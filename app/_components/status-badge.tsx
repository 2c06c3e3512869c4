import { Badge } from "./ui/badge";

type Variant = "success" | "destructive" | "warning" | "secondary" | "outline" | "default";

// Run, step and ingest batch statuses share one palette: green done, red failed, amber retried.
const variants: Record<string, Variant> = {
  completed: "success",
  failed: "destructive",
  errored: "warning",
  running: "default",
  queued: "secondary",
  sleeping: "secondary",
  skipped: "secondary",
  cancelled: "outline",
};

export function StatusBadge({ status, className }: { status: string; className?: string }) {
  return (
    <Badge variant={variants[status] ?? "outline"} className={className} data-status={status}>
      {status}
    </Badge>
  );
}
