import { alias } from "drizzle-orm/pg-core";
import { and, count, desc, eq, gte, lt, max, min, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { ingestBatches, matches, quarantinedRows, teams, type IngestBatch } from "@/db/schema";
import { seasonLabel, seasonStartYear } from "./season-code";

export interface SeasonStats {
  season: string;
  label: string;
  matches: number;
  finished: number;
  scheduled: number;
  postponed: number;
  firstKickoff: string | null;
  lastKickoff: string | null;
}

export interface MatchRef {
  season: string;
  kickoff: string;
  home: string;
  away: string;
  score: string | null;
}

export interface DataStats {
  seasons: SeasonStats[];
  totals: { seasons: number; matches: number; finished: number; scheduled: number; postponed: number; teams: number };
  latestResult: MatchRef | null;
  fixtures: { pending: number; overdue: number; next: MatchRef | null };
  freshness: {
    /** When an ETL batch last finished (completed or skipped: the sources were checked). */
    lastCheckedAt: string | null;
    /** When a match row last changed. */
    lastChangedAt: string | null;
    hoursSinceLastCheck: number | null;
    daysSinceLatestResult: number | null;
  };
  quarantine: { rows: number };
  batches: { completed: number; skipped: number; failed: number };
  lastBatch: (Omit<IngestBatch, "startedAt" | "finishedAt"> & { startedAt: string; finishedAt: string | null }) | null;
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const round1 = (x: number) => Math.round(x * 10) / 10;

async function matchRefs(db: Database, where: ReturnType<typeof and>, order: "asc" | "desc"): Promise<MatchRef | null> {
  const home = alias(teams, "home");
  const away = alias(teams, "away");
  const [row] = await db
    .select({
      season: matches.season,
      kickoff: matches.kickoff,
      home: home.name,
      away: away.name,
      fthg: matches.fthg,
      ftag: matches.ftag,
    })
    .from(matches)
    .innerJoin(home, eq(home.id, matches.homeTeamId))
    .innerJoin(away, eq(away.id, matches.awayTeamId))
    .where(where)
    // Ties (a last matchday's simultaneous kickoffs) go to the row stored last / first.
    .orderBy(...(order === "desc" ? [desc(matches.kickoff), desc(matches.id)] : [matches.kickoff, matches.id]))
    .limit(1);
  if (!row) return null;
  const score = row.fthg !== null && row.ftag !== null ? `${row.fthg}-${row.ftag}` : null;
  return { season: row.season, kickoff: row.kickoff.toISOString(), home: row.home, away: row.away, score };
}

/** What /api/data/stats reports: coverage per season, latest result, fixtures, freshness, quarantine, last batch. */
export async function getDataStats({ db, now = new Date() }: { db: Database; now?: Date }): Promise<DataStats> {
  const bySeason = db
    .select({
      season: matches.season,
      matches: count(),
      finished: sql<number>`count(*) filter (where ${matches.status} = 'finished')`.mapWith(Number),
      scheduled: sql<number>`count(*) filter (where ${matches.status} = 'scheduled')`.mapWith(Number),
      postponed: sql<number>`count(*) filter (where ${matches.status} = 'postponed')`.mapWith(Number),
      first: min(matches.kickoff),
      last: max(matches.kickoff),
      changed: max(matches.updatedAt),
    })
    .from(matches)
    .groupBy(matches.season);
  const batchCounts = db
    .select({ status: ingestBatches.status, n: count(), lastAt: max(ingestBatches.finishedAt) })
    .from(ingestBatches)
    .groupBy(ingestBatches.status);
  const [seasonRows, batchRows, [teamCount], [quarantine], [overdue], [lastBatch], latestResult, next] =
    await Promise.all([
      bySeason,
      batchCounts,
      db.select({ n: count() }).from(teams),
      db.select({ n: count() }).from(quarantinedRows),
      db
        .select({ n: count() })
        .from(matches)
        .where(and(eq(matches.status, "scheduled"), lt(matches.kickoff, now))),
      db.select().from(ingestBatches).orderBy(desc(ingestBatches.startedAt), desc(ingestBatches.id)).limit(1),
      matchRefs(db, and(eq(matches.status, "finished")), "desc"),
      matchRefs(db, and(eq(matches.status, "scheduled"), gte(matches.kickoff, now)), "asc"),
    ]);

  const seasons = seasonRows
    .map((r) => ({
      season: r.season,
      label: seasonLabel(r.season),
      matches: r.matches,
      finished: r.finished,
      scheduled: r.scheduled,
      postponed: r.postponed,
      firstKickoff: iso(r.first),
      lastKickoff: iso(r.last),
    }))
    .sort((a, b) => seasonStartYear(a.season) - seasonStartYear(b.season));
  const sum = (k: "matches" | "finished" | "scheduled" | "postponed") => seasons.reduce((n, s) => n + s[k], 0);
  const checked = batchRows.filter((b) => b.status !== "failed").map((b) => b.lastAt?.getTime() ?? 0);
  const lastCheckedMs = checked.length ? Math.max(...checked) : 0;
  const changedMs = Math.max(0, ...seasonRows.map((r) => r.changed?.getTime() ?? 0));
  const batchesOf = (status: IngestBatch["status"]) => batchRows.find((b) => b.status === status)?.n ?? 0;

  return {
    seasons,
    totals: {
      seasons: seasons.length,
      matches: sum("matches"),
      finished: sum("finished"),
      scheduled: sum("scheduled"),
      postponed: sum("postponed"),
      teams: teamCount.n,
    },
    latestResult,
    fixtures: { pending: sum("scheduled"), overdue: overdue.n, next },
    freshness: {
      lastCheckedAt: lastCheckedMs ? new Date(lastCheckedMs).toISOString() : null,
      lastChangedAt: changedMs ? new Date(changedMs).toISOString() : null,
      hoursSinceLastCheck: lastCheckedMs ? round1((now.getTime() - lastCheckedMs) / 3_600_000) : null,
      daysSinceLatestResult: latestResult
        ? round1((now.getTime() - Date.parse(latestResult.kickoff)) / 86_400_000)
        : null,
    },
    quarantine: { rows: quarantine.n },
    batches: { completed: batchesOf("completed"), skipped: batchesOf("skipped"), failed: batchesOf("failed") },
    lastBatch: lastBatch
      ? { ...lastBatch, startedAt: lastBatch.startedAt.toISOString(), finishedAt: iso(lastBatch.finishedAt) }
      : null,
  };
}
