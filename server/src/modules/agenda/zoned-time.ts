import type { IsoDate } from '../../platform/calendar/working-days';

// Wall-clock time in an IANA zone ↔ UTC instants, with Intl only: the server's own zone never
// matters, and a zone's rules (Paris' summer time, Nouméa's none) come from the ICU data.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True for a zone the runtime knows (`Pacific/Noumea`, `Europe/Paris`…). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading of an instant in a zone, as milliseconds of a UTC date with the same fields. */
export function wallClockOf(instant: Date, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
}

/**
 * The instant a wall-clock time (given as the UTC fields of `wall`) names in a zone. In the
 * hour skipped or repeated by summer time, one of the two readings is taken.
 */
export function instantOfWallClock(wall: number, timeZone: string): Date {
  const offsetAt = (t: number) => wallClockOf(new Date(t), timeZone) - Math.floor(t / 1000) * 1000;
  const guess = offsetAt(wall);
  const corrected = offsetAt(wall - guess);
  return new Date(wall - (corrected === guess ? guess : corrected));
}

/** Midnight starting a day in a zone. */
export function startOfDay(day: IsoDate, timeZone: string): Date {
  return instantOfWallClock(Date.parse(`${day}T00:00:00Z`), timeZone);
}

export function addDays(day: IsoDate, n: number): IsoDate {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `a` to `b`. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
