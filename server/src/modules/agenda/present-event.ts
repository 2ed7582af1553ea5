import type { TConflicts, TEvent } from '@dircab/contracts';
import type { Actor } from '../../platform/policy/actor';
import { type EventRecord, eventPolicy, seesEventDetails } from './agenda.policy';
import { type OfficialsIndex, userIdsOf } from './officials-index';
import type { EventRow } from './queries/event-rows';

/** One occurrence of an event in time: a single event, a series' occurrence, or an override. */
export interface Occurrence {
  row: EventRow;
  start: Date;
  end: Date;
  startDate: string | null;
  endDate: string | null;
  /** The series it belongs to (null for a single event). */
  seriesId: string | null;
  /** Its original start in the series (RECURRENCE-ID). */
  recurrenceId: Date | null;
}

export function occurrenceOfRow(row: EventRow): Occurrence {
  return {
    row,
    start: row.startsAt,
    end: row.endsAt,
    startDate: row.startDate,
    endDate: row.endDate,
    seriesId: row.seriesId,
    recurrenceId: row.recurrenceId,
  };
}

export function eventRecordOf(row: EventRow, officials: OfficialsIndex): EventRecord {
  return {
    orgId: row.orgId,
    visibility: row.visibility,
    officialUserIds: userIdsOf(officials, row.officialIds),
    attendeeUserIds: row.attendeeUserIds,
  };
}

/** « représente le Maire »; the name when the represented official holds no executive title. */
export function representationLabel(officials: OfficialsIndex, officialId: string): string {
  const o = officials.byId.get(officialId);
  return `représente ${o?.title ?? o?.displayName ?? 'l’élu'}`;
}

export const BUSY_TITLE = 'Occupé';

/**
 * An occurrence as the actor may see it: in full, or as a busy slot (times only, « Occupé »)
 * when it is private (or internal, for services and communication) and the actor neither
 * keeps the diary nor is on the event.
 */
export function presentOccurrence(
  actor: Actor,
  occ: Occurrence,
  officials: OfficialsIndex,
  conflicts?: TConflicts,
): TEvent {
  const { row } = occ;
  const record = eventRecordOf(row, officials);
  const times = {
    id: row.id,
    seriesId: occ.seriesId,
    recurrenceId: occ.recurrenceId?.toISOString() ?? null,
    visibility: row.visibility,
    allDay: row.allDay,
    start: occ.start.toISOString(),
    end: occ.end.toISOString(),
    startDate: occ.startDate,
    endDate: occ.endDate,
    timeZone: row.timeZone,
    officialIds: row.officialIds,
    ...(conflicts ? { conflicts } : {}),
    policies: eventPolicy.policiesFor(actor, record),
  };
  if (!seesEventDetails(actor, record)) {
    return {
      ...times,
      busy: true,
      title: BUSY_TITLE,
      kind: null,
      description: null,
      place: null,
      attendees: null,
      reminders: [],
      recurrence: null,
      representing: null,
      invitationId: null,
      createdAt: null,
      updatedAt: null,
    };
  }
  return {
    ...times,
    busy: false,
    title: row.title,
    kind: row.kind,
    description: row.description,
    place: row.placeLabel
      ? { label: row.placeLabel, address: row.placeAddress, lat: row.placeLat, lon: row.placeLon }
      : null,
    attendees: {
      officialIds: row.attendeeOfficialIds,
      userIds: row.attendeeUserIds,
      contactIds: row.attendeeContactIds,
    },
    reminders: row.reminders,
    recurrence: row.rrule ? { rrule: row.rrule, exdates: row.exdates.map((d) => d.toISOString()) } : null,
    representing: row.representingOfficialId
      ? {
          officialId: row.representingOfficialId,
          label: representationLabel(officials, row.representingOfficialId),
        }
      : null,
    invitationId: row.invitationId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
