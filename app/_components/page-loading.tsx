import { Skeleton } from "./ui/skeleton";

/**
 * Shown while a page's data loads: the loading.tsx of the overview, list and data pages. A page
 * with a loading state streams, so its HTTP status is sent before it could call notFound(); the
 * pages of one run and of one version have none, and answer 404 for an id that does not exist.
 */
export function PageLoading() {
  return (
    <div className="space-y-6" aria-busy="true" aria-live="polite">
      <span className="sr-only">Loading…</span>
      <Skeleton className="h-8 w-48" />
      <Skeleton className="h-4 w-96 max-w-full" />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <Skeleton className="h-48 lg:col-span-2" />
        <Skeleton className="h-48" />
        <Skeleton className="h-64 lg:col-span-2" />
        <Skeleton className="h-64" />
      </div>
    </div>
  );
}
