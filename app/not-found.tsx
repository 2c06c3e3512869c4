import Link from "next/link";
import { EmptyState } from "./_components/empty-state";

export default function NotFound() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Not found</h1>
      <EmptyState title="Nothing lives at this address">
        <Link href="/" className="underline underline-offset-4">
          Back to the Overview
        </Link>
      </EmptyState>
    </div>
  );
}
