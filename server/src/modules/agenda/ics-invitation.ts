import ICAL from 'ical.js';
import { problems } from '../../platform/errors/problem';
import { normaliseRule } from './recurrence';
import { instantOfWallClock, isTimeZone } from './zoned-time';

/** What an invitation file's event gives the agenda. */
export interface ImportedEvent {
  title: string;
  description: string;
  placeLabel: string | null;
  allDay: boolean;
  start: Date;
  end: Date;
  /** All-day: first and last day. */
  startDate: string | null;
  endDate: string | null;
  timeZone: string;
  rrule: string | null;
}

/** The most events one file brings (an invitation has one; a shared calendar export is not this route's). */
export const MAX_IMPORTED_EVENTS = 50;

const badFile = (message: string) =>
  problems.badRequest('Le fichier n’est pas une invitation iCalendar lisible.', [
    { path: 'file', message, code: 'invalid_ics' },
  ]);

const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (t: ICAL.Time) => `${t.year}-${pad(t.month)}-${pad(t.day)}`;

/**
 * The instant an ICS time names: UTC as is; a TZID that is an IANA zone by the runtime's own
 * rules; a zone only the file defines (Outlook's « Romance Standard Time ») by its VTIMEZONE;
 * a floating time in the organisation's zone.
 */
function instantOf(
  time: ICAL.Time,
  tzidParameter: unknown,
  zones: Map<string, ICAL.Timezone>,
  fallbackZone: string,
): { at: Date; zone: string } {
  const wall = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
  const tzid = typeof tzidParameter === 'string' ? tzidParameter : time.zone?.tzid;
  if (tzid === 'UTC' || tzid === 'Z' || time.zone === ICAL.Timezone.utcTimezone)
    return { at: new Date(wall), zone: fallbackZone };
  if (tzid && isTimeZone(tzid)) return { at: instantOfWallClock(wall, tzid), zone: tzid };
  const fileZone = tzid ? zones.get(tzid) : undefined;
  if (fileZone) {
    const zoned = time.clone();
    zoned.zone = fileZone;
    return { at: new Date(zoned.toUnixTime() * 1000), zone: fallbackZone };
  }
  return { at: instantOfWallClock(wall, fallbackZone), zone: fallbackZone };
}

/** Reads the events of an `.ics` invitation (its overrides and cancellations aside); 400 on `file`. */
export function readIcsInvitation(text: string, fallbackZone: string): ImportedEvent[] {
  let calendar: ICAL.Component;
  try {
    calendar = new ICAL.Component(ICAL.parse(text));
  } catch {
    throw badFile('Fichier illisible : attendu un fichier .ics (iCalendar).');
  }
  if (calendar.name !== 'vcalendar') throw badFile('Le fichier ne contient pas de calendrier (VCALENDAR).');
  if (String(calendar.getFirstPropertyValue('method') ?? '').toUpperCase() === 'CANCEL') {
    throw badFile('Ce fichier annule une invitation : il n’y a rien à inscrire.');
  }
  const zones = new Map<string, ICAL.Timezone>();
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
    const zone = new ICAL.Timezone(vtimezone);
    zones.set(zone.tzid, zone);
  }
  const events = calendar
    .getAllSubcomponents('vevent')
    .map((v) => new ICAL.Event(v))
    .filter((e) => !e.isRecurrenceException());
  if (events.length === 0) throw badFile('Le fichier ne contient aucun événement (VEVENT).');
  if (events.length > MAX_IMPORTED_EVENTS) throw badFile(`Au plus ${MAX_IMPORTED_EVENTS} événements par fichier.`);
  return events.map((e) => {
    if (!e.startDate) throw badFile('Un événement n’a pas de début (DTSTART).');
    const rule = e.component.getFirstPropertyValue('rrule');
    const rrule = rule ? normaliseRule(rule.toString()) : null;
    if (e.startDate.isDate) {
      const endExclusive = e.endDate ?? e.startDate.clone();
      const last = endExclusive.clone();
      if (e.endDate) last.adjust(-1, 0, 0, 0);
      const startDate = dayOf(e.startDate);
      // An end on or before the start (a malformed DTEND) makes a one-day event.
      const endDate = [startDate, dayOf(last)].sort().at(-1) as string;
      return {
        title: e.summary || 'Invitation',
        description: e.description ?? '',
        placeLabel: e.location || null,
        allDay: true,
        start: instantOfWallClock(Date.parse(`${startDate}T00:00:00Z`), fallbackZone),
        end: instantOfWallClock(Date.parse(`${endDate}T00:00:00Z`) + 86_400_000, fallbackZone),
        startDate,
        endDate,
        timeZone: fallbackZone,
        rrule,
      };
    }
    const tzidOf = (name: string) => e.component.getFirstProperty(name)?.getParameter('tzid');
    const start = instantOf(e.startDate, tzidOf('dtstart'), zones, fallbackZone);
    const end = e.endDate
      ? instantOf(e.endDate, tzidOf('dtend'), zones, fallbackZone).at
      : new Date(start.at.getTime() + 3_600_000);
    return {
      title: e.summary || 'Invitation',
      description: e.description ?? '',
      placeLabel: e.location || null,
      allDay: false,
      start: start.at,
      end,
      startDate: null,
      endDate: null,
      timeZone: start.zone,
      rrule,
    };
  });
}
