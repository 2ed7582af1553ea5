import type { TCreateEvent, TEvent, TEventKind, TEventVisibility } from '@dircab/contracts';
import { ApiError } from '../../../app/api/http';
import { clockOf, instantOf, minutesOf, wallClock } from '../calendar/zoned-time';
import { fromRrule, NO_RECURRENCE, type SimpleRecurrence, toRrule } from './simple-rrule';

export interface EventFormValues {
  title: string;
  kind: TEventKind;
  visibility: TEventVisibility;
  officialIds: string[];
  description: string;
  placeLabel: string;
  placeAddress: string;
  allDay: boolean;
  startDay: string;
  startTime: string;
  endDay: string;
  endTime: string;
  attendeeOfficialIds: string[];
  attendeeContactIds: string[];
  /** Members attending (put there by an invitation): kept as they are, the form does not show them. */
  attendeeUserIds: string[];
  /** Minutes before the start, as the select's values. */
  reminders: string[];
  recurrence: SimpleRecurrence;
}

export interface NewEventDefaults {
  day: string;
  /** Minutes after midnight; the next round hour when none. */
  minutes: number;
  officialIds: string[];
}

/** The form of an existing event (read in its own zone), or of a new one at a slot. */
export function initialValues(
  event: TEvent | undefined,
  defaults: NewEventDefaults,
  timeZone: string,
): EventFormValues {
  if (!event) {
    const start = Math.min(defaults.minutes, 23 * 60);
    return {
      title: '',
      kind: 'meeting',
      visibility: 'internal',
      officialIds: defaults.officialIds,
      description: '',
      placeLabel: '',
      placeAddress: '',
      allDay: false,
      startDay: defaults.day,
      startTime: clockOf(start),
      endDay: defaults.day,
      endTime: clockOf(Math.min(start + 60, 23 * 60 + 59)),
      attendeeOfficialIds: [],
      attendeeContactIds: [],
      attendeeUserIds: [],
      reminders: [],
      recurrence: NO_RECURRENCE,
    };
  }
  const start = wallClock(event.start, timeZone);
  const end = wallClock(event.end, timeZone);
  return {
    title: event.title,
    kind: event.kind ?? 'meeting',
    visibility: event.visibility,
    officialIds: event.officialIds,
    description: event.description ?? '',
    placeLabel: event.place?.label ?? '',
    placeAddress: event.place?.address ?? '',
    allDay: event.allDay,
    startDay: event.allDay ? (event.startDate ?? start.day) : start.day,
    startTime: clockOf(start.minutes),
    endDay: event.allDay ? (event.endDate ?? event.startDate ?? start.day) : end.day,
    endTime: clockOf(end.minutes),
    attendeeOfficialIds: event.attendees?.officialIds ?? [],
    attendeeContactIds: event.attendees?.contactIds ?? [],
    attendeeUserIds: event.attendees?.userIds ?? [],
    reminders: event.reminders.map(String),
    recurrence: fromRrule(event.recurrence?.rrule),
  };
}

/** Checks the browser can make before asking the server (which checks again). */
export function validateTiming(v: EventFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!v.startDay) errors.startDay = 'agenda.form.errors.startDay';
  if (v.allDay) {
    if (v.endDay && v.startDay && v.endDay < v.startDay) errors.endDay = 'agenda.form.errors.endBeforeStart';
    return errors;
  }
  const s = minutesOf(v.startTime);
  const e = minutesOf(v.endTime);
  if (s === null) errors.startTime = 'agenda.form.errors.time';
  if (e === null) errors.endTime = 'agenda.form.errors.time';
  if (s !== null && e !== null && v.startDay && (v.endDay || v.startDay)) {
    const endDay = v.endDay || v.startDay;
    if (endDay < v.startDay || (endDay === v.startDay && e <= s)) errors.endTime = 'agenda.form.errors.endBeforeStart';
  }
  return errors;
}

/**
 * The API's body. `scope: 'occurrence'` leaves the series' rule alone (one occurrence changes);
 * `exdates` keeps the series' removed occurrences when the rule is saved again.
 */
export function toPayload(
  v: EventFormValues,
  timeZone: string,
  options: { scope?: 'occurrence' | 'series'; exdates?: string[] } = {},
): TCreateEvent {
  const timing = v.allDay
    ? { allDay: true, startDate: v.startDay, endDate: v.endDay || v.startDay }
    : {
        allDay: false,
        start: instantOf(v.startDay, minutesOf(v.startTime) ?? 0, timeZone),
        end: instantOf(v.endDay || v.startDay, minutesOf(v.endTime) ?? 0, timeZone),
      };
  const rrule = toRrule(v.recurrence);
  return {
    title: v.title.trim(),
    kind: v.kind,
    visibility: v.visibility,
    officialIds: v.officialIds,
    description: v.description,
    place: v.placeLabel.trim() ? { label: v.placeLabel.trim(), address: v.placeAddress.trim() || null } : null,
    attendees: { officialIds: v.attendeeOfficialIds, userIds: v.attendeeUserIds, contactIds: v.attendeeContactIds },
    reminders: v.reminders.map(Number),
    ...(options.scope === 'occurrence' ? {} : { recurrence: rrule ? { rrule, exdates: options.exdates ?? [] } : null }),
    timeZone,
    ...timing,
  };
}

// Where each of the API's error paths shows in the form.
const FIELD_OF: Record<string, string> = {
  start: 'startTime',
  end: 'endTime',
  startDate: 'startDay',
  endDate: 'endDay',
  recurrence: 'recurrence.frequency',
  'recurrence.rrule': 'recurrence.frequency',
  'recurrence.exdates': 'recurrence.frequency',
  place: 'placeLabel',
  'place.label': 'placeLabel',
  'place.address': 'placeAddress',
  'attendees.officialIds': 'attendeeOfficialIds',
  'attendees.contactIds': 'attendeeContactIds',
};

/** The server's problem+json `errors`, at the form's fields. */
export function eventFieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const e of error.problem?.errors ?? []) {
    const path = e.path
      .replace(/^body\./, '')
      .replace(/\[(\d+)\]/g, '.$1')
      .replace(/\.\d+$/, '');
    const field = FIELD_OF[path] ?? path.split('.')[0] ?? path;
    if (field && !(field in out)) out[field] = e.message;
  }
  return out;
}

/** The end time once the start moves to `startTime`, the duration kept (same day, before midnight). */
export function endKeepingDuration(v: EventFormValues, startTime: string): string {
  const before = minutesOf(v.startTime);
  const end = minutesOf(v.endTime);
  const after = minutesOf(startTime);
  if (before === null || end === null || after === null || v.endDay !== v.startDay || end <= before) return v.endTime;
  return clockOf(Math.min(after + (end - before), 23 * 60 + 59));
}

/** The end day follows the start day when the start moves past it. */
export function keepEndAfterStart(v: EventFormValues, startDay: string): string {
  return v.endDay < startDay ? startDay : v.endDay;
}
