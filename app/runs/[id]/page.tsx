import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getRunById } from "@/lib/runs/run-queries";
import { PageHeader } from "../../_components/page-header";
import { RunDetailView } from "../../_components/runs/run-detail-view";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: `Run ${(await params).id.slice(0, 8)}` };
}

/** The run id from the URL segment, or null for one no run can have (bad escapes, NUL, too long). */
function runIdFrom(segment: string): string | null {
  let id = segment;
  try {
    id = decodeURIComponent(segment);
  } catch {
    return null;
  }
  return id.length > 0 && id.length <= 200 && !id.includes("\u0000") ? id : null;
}

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  const id = runIdFrom((await params).id);
  if (!id) notFound();
  const detail = await getRunById({ db: await getDb(), id });
  if (!detail) notFound();
  return (
    <div className="space-y-6">
      <PageHeader
        title={`${detail.run.functionId} run ${detail.run.id.slice(0, 8)}`}
        description={<span className="font-mono text-xs break-all">{detail.run.id}</span>}
      >
        <Link href={`/runs?function=${detail.run.functionId}`} className="text-sm underline underline-offset-4">
          All {detail.run.functionId} runs
        </Link>
      </PageHeader>
      <RunDetailView initial={detail} renderedAt={new Date().getTime()} />
    </div>
  );
}
