// Calendar arithmetic in the organisation's time zone, with Intl only: the browser's own zone
// never decides where an event sits (a secretary in Paris keeps a Nouméa mayor's diary).

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

export interface WallClock {
  /** The local day, `YYYY-MM-DD`. */
  day: string;
  /** Minutes since local midnight. */
  minutes: number;
}

/** What a clock on the wall in `timeZone` reads at this instant. */
export function wallClock(instant: string | number | Date, timeZone: string): WallClock {
  const parts = partsFormatter(timeZone).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const day = `${String(get('year')).padStart(4, '0')}-${String(get('month')).padStart(2, '0')}-${String(get('day')).padStart(2, '0')}`;
  return { day, minutes: get('hour') * 60 + get('minute') };
}

/** Milliseconds the zone is ahead of UTC at this instant. */
function offsetAt(ms: number, timeZone: string): number {
  const { day, minutes } = wallClock(ms, timeZone);
  const asUtc = Date.parse(`${day}T00:00:00Z`) + minutes * 60_000;
  return asUtc - Math.floor(ms / 60_000) * 60_000;
}

function formatOffset(ms: number): string {
  const total = Math.round(ms / 60_000);
  const sign = total < 0 ? '-' : '+';
  const abs = Math.abs(total);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The instant a wall clock in `timeZone` shows `minutes` after midnight of `day`, as ISO 8601 with its offset. */
export function instantOf(day: string, minutes: number, timeZone: string): string {
  const naive = Date.parse(`${day}T00:00:00Z`) + minutes * 60_000;
  // Two passes settle the offset on either side of a summer-time change.
  let offset = offsetAt(naive, timeZone);
  offset = offsetAt(naive - offset, timeZone);
  const local = new Date(naive).toISOString().slice(0, 16);
  return `${local}:00${formatOffset(offset)}`;
}

/** Milliseconds of the instant a wall clock in `timeZone` shows `minutes` after midnight of `day`. */
export const msOf = (day: string, minutes: number, timeZone: string) => Date.parse(instantOf(day, minutes, timeZone));

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function addMonths(day: string, n: number): string {
  const d = new Date(`${day.slice(0, 7)}-01T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
}

/** 0 for Monday … 6 for Sunday: French weeks start on Monday. */
export function weekdayIndex(day: string): number {
  return (new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7;
}

export const weekStart = (day: string) => addDays(day, -weekdayIndex(day));
export const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
export const monthEnd = (day: string) => addDays(addMonths(day, 1), -1);

/** The days from `from` to `to`, inclusive. */
export function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

export const todayIn = (timeZone: string) => wallClock(Date.now(), timeZone).day;

const locale = (language: string) => (language === 'en' ? 'en-GB' : 'fr-FR');

/** An instant's local time in the zone (`18:00`). */
export function formatTime(instant: string, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), { timeZone, hour: '2-digit', minute: '2-digit' }).format(
    new Date(instant),
  );
}

/** A calendar day as words (`lundi 23 novembre`), whatever the browser's zone. */
export function formatDay(day: string, language: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(locale(language), { ...options, timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

/** `HH:MM` from minutes after midnight. */
export const clockOf = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Minutes after midnight from `HH:MM` (null when unreadable). */
export function minutesOf(clock: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(clock.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? h * 60 + min : null;
}

/** « lundi 7 décembre » → « Lundi 7 décembre »: French capitalises the first word only. */
export const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase('fr-FR') + text.slice(1);
