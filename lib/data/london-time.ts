// Europe/London's offset from UTC at an instant, read from the runtime's tz data (Intl), so BST
// and GMT follow the real transition dates of every year.
const formatter = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

function londonOffsetMs(instant: number): number {
  const parts = Object.fromEntries(formatter.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return asUtc - instant;
}

const DAY = 86_400_000;
// Offset of each calendar day whose offset does not change during the day (all but two a year);
// formatToParts is slow and a season has a few hundred match days.
const offsetByDay = new Map<number, number | null>();

/**
 * The UTC instant of a UK wall-clock time (`month` 1-12). The two readings of the hour the
 * clocks go back are not told apart: no match kicks off between 01:00 and 02:00.
 */
export function londonLocalToUtc(year: number, month: number, day: number, hour: number, minute: number): Date {
  const dayStart = Date.UTC(year, month - 1, day);
  const wall = dayStart + hour * 3_600_000 + minute * 60_000;
  let offset = offsetByDay.get(dayStart);
  if (offset === undefined) {
    // UK transitions happen at 01:00 UTC, so equal offsets an hour before the day and at its end
    // mean one offset all day.
    const before = londonOffsetMs(dayStart - 3_600_000);
    offset = before === londonOffsetMs(dayStart + DAY) ? before : null;
    if (offsetByDay.size > 50_000) offsetByDay.clear();
    offsetByDay.set(dayStart, offset);
  }
  if (offset !== null) return new Date(wall - offset);
  // A transition day: the offset at the wall time read as UTC is right except within an hour of
  // the change; a second pass with the offset at the first guess settles it.
  const guess = wall - londonOffsetMs(wall);
  return new Date(wall - londonOffsetMs(guess));
}
