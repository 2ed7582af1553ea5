import { MAX_EVENT_DAYS } from '@dircab/contracts';
import { type FieldError, problems } from '../../platform/errors/problem';
import { addDays, daysBetween, isTimeZone, startOfDay } from './zoned-time';

export interface TimingInput {
  allDay?: boolean | undefined;
  start?: string | undefined;
  end?: string | undefined;
  startDate?: string | undefined;
  endDate?: string | undefined;
  timeZone?: string | undefined;
}

/** Where an event sits in time: UTC bounds always, the days too when it is all-day. */
export interface EventBounds {
  allDay: boolean;
  startsAt: Date;
  endsAt: Date;
  startDate: string | null;
  endDate: string | null;
  timeZone: string;
}

const invalid = (errors: FieldError[]) => problems.badRequest('Les dates de l’événement sont invalides.', errors);

/**
 * Bounds from the request: timed events by their instants (offset required by the contract),
 * all-day events by their days, read in the event's zone (the organisation's by default).
 * One event lasts at most MAX_EVENT_DAYS: lists read back that far for what overlaps a period.
 */
export function boundsOf(input: TimingInput, defaultZone: string): EventBounds {
  const timeZone = input.timeZone ?? defaultZone;
  if (!isTimeZone(timeZone)) {
    throw invalid([
      { path: 'timeZone', message: 'Fuseau horaire inconnu (attendu : Europe/Paris…).', code: 'invalid_time_zone' },
    ]);
  }
  let bounds: EventBounds;
  if (input.allDay) {
    if (!input.startDate)
      throw invalid([{ path: 'startDate', message: 'Indiquez le premier jour.', code: 'required' }]);
    const endDate = input.endDate ?? input.startDate;
    if (endDate < input.startDate) {
      throw invalid([{ path: 'endDate', message: 'Le dernier jour précède le premier.', code: 'end_before_start' }]);
    }
    bounds = {
      allDay: true,
      startDate: input.startDate,
      endDate,
      startsAt: startOfDay(input.startDate, timeZone),
      endsAt: startOfDay(addDays(endDate, 1), timeZone),
      timeZone,
    };
    if (daysBetween(input.startDate, endDate) + 1 > MAX_EVENT_DAYS) throw tooLong('endDate');
    return bounds;
  }
  if (!input.start) throw invalid([{ path: 'start', message: 'Indiquez le début.', code: 'required' }]);
  if (!input.end) throw invalid([{ path: 'end', message: 'Indiquez la fin.', code: 'required' }]);
  const startsAt = new Date(input.start);
  const endsAt = new Date(input.end);
  if (endsAt <= startsAt) {
    throw invalid([{ path: 'end', message: 'La fin doit suivre le début.', code: 'end_before_start' }]);
  }
  if (endsAt.getTime() - startsAt.getTime() > MAX_EVENT_DAYS * 86_400_000) throw tooLong('end');
  return { allDay: false, startsAt, endsAt, startDate: null, endDate: null, timeZone };
}

function tooLong(path: string) {
  return invalid([
    {
      path,
      message: `Un événement dure au plus ${MAX_EVENT_DAYS} jours : découpez-le ou faites-en une série.`,
      code: 'too_long',
    },
  ]);
}

/** The request's fields, merged over the stored ones for an update (a field not sent is kept). */
export function mergeTiming(before: EventBounds, input: TimingInput): TimingInput {
  const allDay = input.allDay ?? before.allDay;
  if (allDay !== before.allDay) return { ...input, allDay };
  return allDay
    ? {
        allDay,
        startDate: input.startDate ?? before.startDate ?? undefined,
        endDate: input.endDate ?? before.endDate ?? undefined,
        timeZone: input.timeZone ?? before.timeZone,
      }
    : {
        allDay,
        start: input.start ?? before.startsAt.toISOString(),
        end: input.end ?? before.endsAt.toISOString(),
        timeZone: input.timeZone ?? before.timeZone,
      };
}
