import type { TAttendees, TPlace, TRecurrenceInput } from '@dircab/contracts';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import { type FieldError, problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { findContact } from '../../directory/queries/find-contacts';
import { findMemberOptions } from '../../org/queries/find-member-options';
import { mayPlanFor } from '../agenda.policy';
import { agendaEventOfficials, type agendaEvents } from '../agenda.schema';
import type { EventBounds } from '../event-timing';
import type { OfficialsIndex } from '../officials-index';
import type { EventRow } from '../queries/event-rows';
import { lastOccurrenceStart, normaliseRule } from '../recurrence';
import { instantOfWallClock, startOfDay, wallClockOf } from '../zoned-time';

const invalid = (errors: FieldError[]) => problems.badRequest('L’événement contient des valeurs invalides.', errors);

/** The officials must be the organisation's (400 on the unknown one), and the actor may plan for them (403). */
export function checkOfficials(
  actor: Actor,
  officials: OfficialsIndex,
  officialIds: readonly string[],
  path = 'officialIds',
) {
  const errors = officialIds.flatMap((id, i) =>
    officials.byId.has(id)
      ? []
      : [{ path: `${path}.${i}`, message: 'Cet élu n’existe pas dans l’organisation.', code: 'unknown_official' }],
  );
  if (errors.length > 0) throw invalid(errors);
  if (
    !mayPlanFor(
      actor,
      officialIds.map((id) => officials.byId.get(id)?.userId ?? null),
    )
  ) {
    throw problems.forbidden('Un élu ne planifie que dans son propre agenda.');
  }
}

/** Attendees must exist in the organisation: officials, members, contacts of the directory. */
export async function checkAttendees(tx: Queryable, actor: Actor, officials: OfficialsIndex, attendees: TAttendees) {
  const errors: FieldError[] = [];
  attendees.officialIds.forEach((id, i) => {
    if (!officials.byId.has(id)) {
      errors.push({
        path: `attendees.officialIds.${i}`,
        message: 'Cet élu n’existe pas dans l’organisation.',
        code: 'unknown_official',
      });
    }
  });
  const userIds = [...new Set(attendees.userIds)];
  if (userIds.length > 0) {
    const found = await findMemberOptions(tx, actor, { ids: userIds.join(','), limit: 50 });
    const known = new Set(found.data.map((m) => m.userId));
    attendees.userIds.forEach((id, i) => {
      if (!known.has(id)) {
        errors.push({
          path: `attendees.userIds.${i}`,
          message: 'Ce compte n’est pas membre de l’organisation.',
          code: 'unknown_user',
        });
      }
    });
  }
  for (const [i, id] of attendees.contactIds.entries()) {
    if (!(await findContact(tx, actor, id))) {
      errors.push({
        path: `attendees.contactIds.${i}`,
        message: 'Ce contact n’existe pas dans l’annuaire.',
        code: 'unknown_contact',
      });
    }
  }
  if (errors.length > 0) throw invalid(errors);
}

export interface RecurrenceFields {
  rrule: string | null;
  exdates: Date[];
  seriesEndsAt: Date | null;
}

/**
 * The series' stored form: a canonical RRULE (400 on `recurrence.rrule` when invalid), its
 * EXDATEs as the instants of the excluded occurrences (a day names the occurrence of that day,
 * at the series' time), and the end of its last occurrence (null while it never ends).
 */
export function recurrenceFields(
  recurrence: TRecurrenceInput | null | undefined,
  bounds: EventBounds,
): RecurrenceFields {
  if (!recurrence) return { rrule: null, exdates: [], seriesEndsAt: null };
  const rrule = normaliseRule(recurrence.rrule);
  const timeOfDay = wallClockOf(bounds.startsAt, bounds.timeZone) % 86_400_000;
  const exdates = recurrence.exdates.map((d) =>
    d.length === 10
      ? bounds.allDay
        ? startOfDay(d, bounds.timeZone)
        : instantOfWallClock(Date.parse(`${d}T00:00:00Z`) + timeOfDay, bounds.timeZone)
      : new Date(d),
  );
  const last = lastOccurrenceStart(rrule, bounds.startsAt, bounds.timeZone);
  const duration = bounds.endsAt.getTime() - bounds.startsAt.getTime();
  return { rrule, exdates, seriesEndsAt: last ? new Date(last.getTime() + duration) : null };
}

export function placeFields(place: TPlace | null | undefined) {
  if (place === undefined) return {};
  return {
    placeLabel: place?.label ?? null,
    placeAddress: place?.address ?? null,
    placeLat: place?.lat ?? null,
    placeLon: place?.lon ?? null,
  };
}

export function boundsFields(bounds: EventBounds) {
  return {
    allDay: bounds.allDay,
    startsAt: bounds.startsAt,
    endsAt: bounds.endsAt,
    startDate: bounds.startDate,
    endDate: bounds.endDate,
    timeZone: bounds.timeZone,
  };
}

export function boundsOfRow(row: typeof agendaEvents.$inferSelect): EventBounds {
  return {
    allDay: row.allDay,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    startDate: row.startDate,
    endDate: row.endDate,
    timeZone: row.timeZone,
  };
}

/** Rewrites whose agenda the event is on, with its bounds copied for the week index. */
export async function writeOfficialRows(
  tx: Queryable,
  row: typeof agendaEvents.$inferSelect,
  officialIds: readonly string[],
) {
  await tx.delete(agendaEventOfficials).where(eq(agendaEventOfficials.eventId, row.id));
  if (officialIds.length === 0) return;
  await tx.insert(agendaEventOfficials).values(
    [...new Set(officialIds)].map((officialId) => ({
      orgId: row.orgId,
      eventId: row.id,
      officialId,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      recurring: row.rrule !== null,
    })),
  );
}

/** The event as the audit trail keeps it: what it is and when, never its description. */
export function auditedEvent(row: EventRow | (typeof agendaEvents.$inferSelect & { officialIds?: string[] })) {
  return {
    title: row.title,
    kind: row.kind,
    visibility: row.visibility,
    start: row.startsAt.toISOString(),
    end: row.endsAt.toISOString(),
    rrule: row.rrule,
    officialIds: 'officialIds' in row ? row.officialIds?.join(',') : undefined,
  };
}
