/**
 * Per-day figures for the dashboard chart: the shop's calendar days (in its time zone) and what
 * each SyncActivity kind counts towards.
 */

export const SENT_KINDS = ["TRANSACTION_SENT", "REMAINDER_SENT"] as const;
export const CANCELLED_KINDS = ["TRANSACTION_CANCELLED"] as const;
export const FAILED_KINDS = ["SYNC_FAILED"] as const;
export const CHART_KINDS = [...SENT_KINDS, ...CANCELLED_KINDS, ...FAILED_KINDS];

export type ChartKind = (typeof CHART_KINDS)[number];

export interface DayWindow {
  /** The calendar day in the shop's time zone, `yyyy-mm-dd`. */
  day: string;
  start: Date;
  end: Date;
}

export interface DayFigures {
  day: string;
  sent: number;
  cancelled: number;
  failed: number;
  /** Points awarded by the transactions sent that day (estimated from the store's ratio). */
  points: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Minutes the zone is ahead of UTC at an instant. */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const value = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    value("year"),
    value("month") - 1,
    value("day"),
    value("hour"),
    value("minute"),
    value("second"),
  );
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The calendar day of an instant in a zone, `yyyy-mm-dd`. */
export function dayIn(instant: Date, timeZone: string): string {
  return new Date(instant.getTime() + zoneOffsetMinutes(instant, timeZone) * 60_000).toISOString().slice(0, 10);
}

/** The instant a calendar day starts in a zone (DST-safe: the offset is taken at that moment). */
export function startOfDay(day: string, timeZone: string): Date {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  const firstGuess = midnightUtc - zoneOffsetMinutes(new Date(midnightUtc), timeZone) * 60_000;
  return new Date(midnightUtc - zoneOffsetMinutes(new Date(firstGuess), timeZone) * 60_000);
}

/** The last `days` calendar days up to and including today, oldest first. */
export function dayWindows(now: Date, days: number, timeZone: string): DayWindow[] {
  const today = Date.parse(`${dayIn(now, timeZone)}T00:00:00Z`);
  const windows: DayWindow[] = [];
  for (let offset = days - 1; offset >= 0; offset--) {
    const day = new Date(today - offset * DAY_MS).toISOString().slice(0, 10);
    const next = new Date(today - (offset - 1) * DAY_MS).toISOString().slice(0, 10);
    windows.push({ day, start: startOfDay(day, timeZone), end: startOfDay(next, timeZone) });
  }
  return windows;
}

/** One day's activity counts by kind (as a groupBy returns them) → the chart's figures. */
export function dayFigures(day: string, groups: { kind: string; count: number; points: number | null }[]): DayFigures {
  const figures: DayFigures = { day, sent: 0, cancelled: 0, failed: 0, points: 0 };
  for (const group of groups) {
    if ((SENT_KINDS as readonly string[]).includes(group.kind)) {
      figures.sent += group.count;
      figures.points += group.points ?? 0;
    } else if ((CANCELLED_KINDS as readonly string[]).includes(group.kind)) figures.cancelled += group.count;
    else if ((FAILED_KINDS as readonly string[]).includes(group.kind)) figures.failed += group.count;
  }
  figures.points = Math.round(figures.points * 100) / 100;
  return figures;
}

export function totalsOf(series: DayFigures[]): Omit<DayFigures, "day"> {
  const totals = series.reduce(
    (sum, day) => ({
      sent: sum.sent + day.sent,
      cancelled: sum.cancelled + day.cancelled,
      failed: sum.failed + day.failed,
      points: sum.points + day.points,
    }),
    { sent: 0, cancelled: 0, failed: 0, points: 0 },
  );
  return { ...totals, points: Math.round(totals.points * 100) / 100 };
}
