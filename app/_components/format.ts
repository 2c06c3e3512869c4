// Display formats shared by server and client components. Times are shown in UK time with an
// explicit zone and locale, so that a server render and its hydration print the same text.

export const TIME_ZONE = "Europe/London";

const dateTime = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
const shortDateTime = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
const dateOnly = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  day: "numeric",
  month: "short",
  year: "numeric",
});
const timeOnly = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});
const integer = new Intl.NumberFormat("en-GB");

const toDate = (d: Date | string) => (typeof d === "string" ? new Date(d) : d);

/** "Sat 22 Aug 2026, 12:30" in UK time. */
export const formatDateTime = (d: Date | string) => dateTime.format(toDate(d));
/** "22 Aug 2026, 12:30" in UK time, for table cells. */
export const formatShortDateTime = (d: Date | string) => shortDateTime.format(toDate(d));
/** "22 Aug 2026" in UK time. */
export const formatDate = (d: Date | string) => dateOnly.format(toDate(d));
/** "12:30:05" in UK time. */
export const formatTime = (d: Date | string) => timeOnly.format(toDate(d));
export const formatNumber = (n: number) => integer.format(n);

/** 850 ms, 12.3 s, 2 min 5 s, 1 h 3 min. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return "—";
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  const s = Math.round(ms / 1_000);
  if (s < 3_600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3_600)} h ${Math.floor((s % 3_600) / 60)} min`;
}

/** "5 min ago", "in 3 h", "2 days ago": for server-rendered text only (it depends on `now`). */
export function formatRelative(d: Date | string, now: Date): string {
  const diff = toDate(d).getTime() - now.getTime();
  const abs = Math.abs(diff);
  const [value, unit] =
    abs < 60_000
      ? [Math.round(abs / 1_000), "s"]
      : abs < 3_600_000
        ? [Math.round(abs / 60_000), "min"]
        : abs < 172_800_000
          ? [Math.round(abs / 3_600_000), "h"]
          : [Math.round(abs / 86_400_000), "days"];
  return diff < 0 ? `${value} ${unit} ago` : `in ${value} ${unit}`;
}

/** 0.483 → "48%". */
export const formatPercent = (p: number, digits = 0) => (Number.isFinite(p) ? `${(p * 100).toFixed(digits)}%` : "—");
/** A score such as RPS to four places. */
export const formatScore = (x: number | null | undefined, digits = 4) =>
  x === null || x === undefined || !Number.isFinite(x) ? "—" : x.toFixed(digits);
/** Signed, with a true minus sign: "+0.0012", "−0.0012". */
export function formatSigned(x: number | null | undefined, digits = 4): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  const s = Math.abs(x).toFixed(digits);
  return x > 0 ? `+${s}` : x < 0 ? `−${s}` : s;
}
