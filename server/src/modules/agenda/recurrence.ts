import rrulePackage from 'rrule';
import { problems } from '../../platform/errors/problem';
import { instantOfWallClock, wallClockOf } from './zoned-time';

// rrule ships CommonJS whose named exports Node's ESM loader does not see.
const { RRule } = rrulePackage;
type RRuleOptions = ConstructorParameters<typeof RRule>[0];

/** Frequencies an agenda needs; hourly and finer would expand into thousands of rows. */
const ALLOWED_FREQUENCIES = new Set([RRule.YEARLY, RRule.MONTHLY, RRule.WEEKLY, RRule.DAILY]);
/** The most occurrences one series expands into when its end is computed. */
const MAX_OCCURRENCES = 1000;

function invalidRule(message: string) {
  return problems.badRequest('La règle de récurrence est invalide.', [
    { path: 'recurrence.rrule', message, code: 'invalid_rrule' },
  ]);
}

/**
 * Parses an RFC 5545 RRULE and returns it in canonical form (`FREQ=WEEKLY;BYDAY=WE`), or a 400
 * on `recurrence.rrule`. The rrule package is lenient (an unknown frequency or weekday is
 * silently dropped), so what it read back is checked here.
 */
export function normaliseRule(input: string): string {
  const text = input.trim().replace(/^RRULE:/i, '');
  if (/DTSTART|TZID/i.test(text)) {
    throw invalidRule('Le début de la série est celui de l’événement : retirez DTSTART de la règle.');
  }
  let options: Partial<RRuleOptions>;
  try {
    options = RRule.parseString(text);
  } catch {
    throw invalidRule('Règle illisible : attendu par exemple « FREQ=WEEKLY;BYDAY=WE ».');
  }
  if (options.freq === undefined || !ALLOWED_FREQUENCIES.has(options.freq)) {
    throw invalidRule('Fréquence attendue : DAILY, WEEKLY, MONTHLY ou YEARLY.');
  }
  for (const [key, value] of Object.entries(options)) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      const bad =
        v === null ||
        v === undefined ||
        (typeof v === 'number' && !Number.isFinite(v)) ||
        (typeof v === 'string' && key !== 'wkst') ||
        (v instanceof Date && Number.isNaN(v.getTime()));
      if (bad) throw invalidRule(`Valeur invalide pour ${key.toUpperCase()}.`);
    }
  }
  if (options.count !== undefined && options.count !== null && (options.count < 1 || options.count > MAX_OCCURRENCES)) {
    throw invalidRule(`COUNT doit être compris entre 1 et ${MAX_OCCURRENCES}.`);
  }
  if (options.interval !== undefined && (options.interval < 1 || options.interval > 1000)) {
    throw invalidRule('INTERVAL doit être un entier positif.');
  }
  return RRule.optionsToString(options).replace(/^RRULE:/, '');
}

/**
 * The rule anchored on the series' first start, in "floating" time: rrule counts days in UTC,
 * so the start is given as its wall-clock reading in the event's zone and every occurrence is
 * read back as a wall-clock time there. A weekly 18:00 in Paris stays 18:00 across summer time.
 */
function ruleFor(rule: string, firstStart: Date, timeZone: string) {
  return new RRule({ ...RRule.parseString(rule), dtstart: new Date(wallClockOf(firstStart, timeZone)) });
}

/** Starts of the occurrences that begin in [from, to), as instants. */
export function occurrenceStarts(rule: string, firstStart: Date, timeZone: string, from: Date, to: Date): Date[] {
  // A day of margin on each side: the floating frame is off by the zone's offset.
  const day = 86_400_000;
  const floatingFrom = new Date(wallClockOf(from, timeZone) - day);
  const floatingTo = new Date(wallClockOf(to, timeZone) + day);
  return ruleFor(rule, firstStart, timeZone)
    .between(floatingFrom, floatingTo, true)
    .map((wall) => instantOfWallClock(wall.getTime(), timeZone))
    .filter((start) => start >= from && start < to);
}

/** The start of a series' last occurrence, or null while it never ends (no COUNT nor UNTIL). */
export function lastOccurrenceStart(rule: string, firstStart: Date, timeZone: string): Date | null {
  const r = ruleFor(rule, firstStart, timeZone);
  if (!r.options.count && !r.options.until) return null;
  let last: Date | null = null;
  r.all((date, i) => {
    last = date;
    return i < MAX_OCCURRENCES;
  });
  const found = last as Date | null;
  return found ? instantOfWallClock(found.getTime(), timeZone) : firstStart;
}
