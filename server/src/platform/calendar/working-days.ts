import Holidays from 'date-holidays';

/** Whose public holidays count: a date-holidays country (and region), in a time zone. */
export interface HolidayCalendar {
  /** date-holidays country code: `FR` for metropolitan France, `NC` for New Caledonia. */
  country: string;
  /** date-holidays region of the country (`57` Moselle, `RE` La Réunion…), if any. */
  region?: string | undefined;
  /** The organisation's IANA time zone: it decides which calendar day an instant falls on. */
  timeZone: string;
  /**
   * The organisation's own closed days (the town's day): `date` once, or its month and day
   * every year with `everyYear`. Settings → holidays keeps them (organisation-calendar.ts).
   */
  closedDays?: readonly ClosedDay[] | undefined;
}

export interface ClosedDay {
  date: IsoDate;
  label: string;
  everyYear: boolean;
}

/** `YYYY-MM-DD`, a calendar day with no time zone. */
export type IsoDate = string;

const holidayYears = new Map<string, Set<IsoDate>>();

/**
 * The public holidays (type `public` only: Pentecost Sunday and Mother's Day are
 * observances, not days off) of one year, cached: date-holidays computes Easter each time.
 */
function publicHolidays(calendar: HolidayCalendar, year: number): Set<IsoDate> {
  const key = `${calendar.country}|${calendar.region ?? ''}|${year}`;
  let days = holidayYears.get(key);
  if (!days) {
    const hd = calendar.region ? new Holidays(calendar.country, calendar.region) : new Holidays(calendar.country);
    days = new Set((hd.getHolidays(year) || []).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
    holidayYears.set(key, days);
  }
  return days;
}

/** The calendar day an instant falls on in a time zone (a letter received at 23:30 in Nouméa). */
export function localDate(instant: Date, timeZone: string): IsoDate {
  return formatOf('day', timeZone).format(instant);
}

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * Formatters kept by use and time zone: building an Intl.DateTimeFormat costs about 0.1 ms
 * (its locale and zone data resolved), a third of a registration's own CPU when each call
 * made one. An unknown zone throws when first built, and nothing is kept.
 */
function formatOf(use: 'day' | 'clock', timeZone: string): Intl.DateTimeFormat {
  const key = `${use} ${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format =
      use === 'day'
        ? // en-CA formats as YYYY-MM-DD.
          new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
        : new Intl.DateTimeFormat('en-US', {
            timeZone,
            hourCycle: 'h23',
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: 'numeric',
            second: 'numeric',
          });
    formats.set(key, format);
  }
  return format;
}

/** The year of an instant in a time zone: New Year's Eve in Paris is already 1 January in Nouméa. */
export function localYear(instant: Date, timeZone: string): number {
  return Number(localDate(instant, timeZone).slice(0, 4));
}

const toUtc = (day: IsoDate) => new Date(`${day}T00:00:00Z`);
const fromUtc = (d: Date): IsoDate => d.toISOString().slice(0, 10);

/** One of the organisation's closed days (a 29 February every year counts in leap years only). */
export function isClosedDay(day: IsoDate, closedDays: readonly ClosedDay[] | undefined): boolean {
  if (!closedDays?.length) return false;
  return closedDays.some((c) => c.date === day || (c.everyYear && c.date.slice(5) === day.slice(5)));
}

/** Not a Saturday, a Sunday, a public holiday of the calendar nor one of its closed days. */
export function isWorkingDay(day: IsoDate, calendar: HolidayCalendar): boolean {
  const d = toUtc(day);
  const weekday = d.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  if (isClosedDay(day, calendar.closedDays)) return false;
  return !publicHolidays(calendar, d.getUTCFullYear()).has(day);
}

/** The public holidays of a year with their names (French), for the settings screen. */
export function publicHolidaysOf(
  calendar: Pick<HolidayCalendar, 'country' | 'region'>,
  year: number,
): { date: IsoDate; name: string }[] {
  const hd = calendar.region
    ? new Holidays(calendar.country, calendar.region, { languages: ['fr'] })
    : new Holidays(calendar.country, { languages: ['fr'] });
  return (hd.getHolidays(year, 'fr') || [])
    .filter((h) => h.type === 'public')
    .map((h) => ({ date: h.date.slice(0, 10), name: h.name }));
}

/** Whether date-holidays knows the country (or territory) and, if given, its region. */
export function isKnownHolidayCalendar(country: string, region?: string | null): boolean {
  const hd = new Holidays();
  if (!hd.getCountries()?.[country]) return false;
  if (!region) return true;
  return Boolean(hd.getStates(country)?.[region]);
}

/**
 * The `n`th working day after the day `from` falls on (that day itself does not count, as
 * in a delay « de n jours ouvrés »); n = 0 gives that day, moved to the next working day
 * when it is not one.
 */
export function addWorkingDays(from: Date, n: number, calendar: HolidayCalendar): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
  const d = toUtc(localDate(from, calendar.timeZone));
  let left = n;
  while (left > 0 || !isWorkingDay(fromUtc(d), calendar)) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (isWorkingDay(fromUtc(d), calendar)) left -= 1;
  }
  return fromUtc(d);
}

/**
 * A delay in months from the day `from` falls on: the same day number `months` later, or the
 * last day of that month when it has no such day (31 December + 2 months → 28 or 29 February),
 * as French law counts delays in months (code de procédure civile, art. 641).
 */
export function addMonths(from: Date, months: number, timeZone: string): IsoDate {
  const [y, m, d] = localDate(from, timeZone).split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return fromUtc(target);
}

/**
 * The calendar of an organisation, from its official (INSEE) code and time zone: 988xx is a
 * New Caledonian commune (date-holidays has New Caledonia as its own country `NC`, with the
 * Fête de la citoyenneté on 24 September; `FR` with a region `NC` does not exist and would
 * silently give metropolitan holidays). In France, Moselle and Alsace (57, 67, 68) have their
 * own extra days, and the overseas departments theirs. Derived rather than a setting: the code
 * is already required for every organisation; a setting can override it when a case needs it.
 */
export function calendarForOrganisation(org: { officialCode: string; timeZone: string }): HolidayCalendar {
  const code = org.officialCode.trim();
  if (code.startsWith('988') || org.timeZone === 'Pacific/Noumea') return { country: 'NC', timeZone: org.timeZone };
  // The other overseas territories with a calendar of their own, known by their time zone.
  const territory = OVERSEAS_TIME_ZONES[org.timeZone];
  if (territory) return { ...territory, timeZone: org.timeZone };
  const overseas: Record<string, string> = { '971': 'GP', '972': 'MQ', '973': 'GF', '974': 'RE', '976': 'YT' };
  const dom = overseas[code.slice(0, 3)];
  if (dom) return { country: 'FR', region: dom, timeZone: org.timeZone };
  const department = code.slice(0, 2);
  if (['57', '67', '68'].includes(department)) return { country: 'FR', region: department, timeZone: org.timeZone };
  return { country: 'FR', timeZone: org.timeZone };
}

/**
 * Time zones of overseas France whose holidays differ from metropolitan France's: the
 * collectivities date-holidays has as countries, the overseas departments as regions of `FR`.
 */
const OVERSEAS_TIME_ZONES: Record<string, { country: string; region?: string }> = {
  'Pacific/Tahiti': { country: 'PF' },
  'Pacific/Marquesas': { country: 'PF' },
  'Pacific/Gambier': { country: 'PF' },
  'Pacific/Wallis': { country: 'WF' },
  'America/Miquelon': { country: 'PM' },
  'America/St_Barthelemy': { country: 'FR', region: 'BL' },
  'America/Marigot': { country: 'FR', region: 'MF' },
  'America/Guadeloupe': { country: 'FR', region: 'GP' },
  'America/Martinique': { country: 'FR', region: 'MQ' },
  'America/Cayenne': { country: 'FR', region: 'GF' },
  'Indian/Reunion': { country: 'FR', region: 'RE' },
  'Indian/Mayotte': { country: 'FR', region: 'YT' },
};

/** The calendar day after `day`. */
export function nextDay(day: IsoDate): IsoDate {
  const d = toUtc(day);
  d.setUTCDate(d.getUTCDate() + 1);
  return fromUtc(d);
}

/** The next working day after `day` (Friday → Monday, or later across holidays). */
export function nextWorkingDay(day: IsoDate, calendar: HolidayCalendar): IsoDate {
  let d = nextDay(day);
  while (!isWorkingDay(d, calendar)) d = nextDay(d);
  return d;
}

/** Minutes the time zone is ahead of UTC at an instant (Nouméa +660, Paris +60 or +120). */
function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = formatOf('clock', timeZone).formatToParts(instant);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return Math.round((local - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall-clock time of a day falls on in a time zone (07:00 in Nouméa is 20:00
 * UTC the day before). The offset is read twice so a daylight-saving change that day is met.
 */
export function instantAt(day: IsoDate, hour: number, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, hour);
  const first = wall - offsetMinutes(new Date(wall), timeZone) * 60_000;
  return new Date(wall - offsetMinutes(new Date(first), timeZone) * 60_000);
}
