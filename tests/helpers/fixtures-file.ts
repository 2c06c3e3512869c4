import fs from "node:fs";
import path from "node:path";

/** A row of football-data.co.uk's fixtures file: a coming match of some league with its pre-match 1X2 odds. */
export interface FixtureFileRow {
  div?: string;
  /** UK local date and time of the kickoff. */
  date: string;
  time: string;
  home: string;
  away: string;
  b365?: [number, number, number];
  ps?: [number, number, number];
  avg?: [number, number, number];
  max?: [number, number, number];
}

// The fixtures file uses the season files' columns; this is 2025/26's header as published.
const HEADER = fs
  .readFileSync(path.join(import.meta.dirname, "../../data/football-data-co-uk/E0_2526.csv"), "utf8")
  .replace(/^\uFEFF/, "")
  .split("\r\n")[0]
  .split(",");

/**
 * A fixtures.csv in football-data.co.uk's format (BOM, CRLF, every league, results empty), for
 * the local servers that stand in for the site in tests and the e2e run.
 */
export function fixturesFile(rows: FixtureFileRow[]): Buffer {
  const lines = rows.map((r) => {
    const cells: Record<string, string | number> = {
      Div: r.div ?? "E0",
      Date: r.date,
      Time: r.time,
      HomeTeam: r.home,
      AwayTeam: r.away,
    };
    const put = (prefix: string, odds?: [number, number, number]) =>
      odds?.forEach((o, i) => (cells[`${prefix}${"HDA"[i]}`] = o));
    put("B365", r.b365);
    put("PS", r.ps);
    put("Avg", r.avg);
    put("Max", r.max);
    return HEADER.map((h) => cells[h] ?? "").join(",");
  });
  return Buffer.from("\uFEFF" + [HEADER.join(","), ...lines, ""].join("\r\n"), "utf8");
}

/** "dd/mm/yyyy" and "HH:MM" of a UTC instant in UK local time, as football-data.co.uk writes kickoffs. */
export function ukDateTime(at: Date): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/London",
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.day}/${parts.month}/${parts.year}`, time: `${parts.hour}:${parts.minute}` };
}
