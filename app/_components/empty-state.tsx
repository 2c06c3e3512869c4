import { cn } from "@/lib/utils";

/** What a section shows when it has nothing yet, and what would fill it. */
export function EmptyState({
  title,
  children,
  className,
}: {
  title: string;
  children?: React.ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("text-muted-foreground rounded-lg border border-dashed p-6 text-center text-sm", className)}>
      <p className="text-foreground font-medium">{title}</p>
      {children ? <div className="mt-1">{children}</div> : null}
    </div>
  );
}
