/**
 * Seed data is JSON, but its validity windows and history must move with the clock so the demo never
 * goes stale. Timestamps relative to the seed clock are written as placeholders and resolved here:
 * - "$now", "$now-20d", "$now+365d": an ISO date-time, the clock plus whole days;
 * - "$date(now+365d, Europe/Oslo)": the calendar date (yyyy-MM-dd) at that moment in that time zone.
 * Any other string, number or boolean is kept as it is.
 */
import { addDays, calendarDateIn } from "../clock";

const DATE_TIME = /^\$now(?:([+-]\d+)d)?$/;
const CALENDAR_DATE = /^\$date\(now(?:([+-]\d+)d)?, ([A-Za-z_]+(?:\/[A-Za-z_+-]+)*)\)$/;

export class RelativeDateError extends Error {
  constructor(readonly placeholder: string) {
    super(`Unknown relative date placeholder ${JSON.stringify(placeholder)} in the sandbox seed`);
    this.name = "RelativeDateError";
  }
}

/** A deep copy of `template` with every placeholder replaced; the template itself is not changed. */
export function resolveRelativeDates(template: unknown, now: Date): unknown {
  if (typeof template === "string") return resolvePlaceholder(template, now);
  if (Array.isArray(template)) return template.map((item) => resolveRelativeDates(item, now));
  if (typeof template === "object" && template !== null) {
    return Object.fromEntries(Object.entries(template).map(([key, value]) => [key, resolveRelativeDates(value, now)]));
  }
  return template;
}

function resolvePlaceholder(value: string, now: Date): string {
  if (!value.startsWith("$")) return value;
  const dateTime = DATE_TIME.exec(value);
  if (dateTime) return addDays(now, Number(dateTime[1] ?? 0)).toISOString();
  const calendarDate = CALENDAR_DATE.exec(value);
  if (calendarDate?.[2]) return calendarDateIn(calendarDate[2], addDays(now, Number(calendarDate[1] ?? 0)));
  throw new RelativeDateError(value);
}
