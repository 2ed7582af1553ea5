import type { TRole } from '@dircab/contracts';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import ical, { ICalAlarmType, ICalEventBusyStatus, ICalEventClass } from 'ical-generator';
import { DateTime } from 'luxon';
import type { Queryable } from '../../../platform/db/client';
import type { Actor } from '../../../platform/policy/actor';
import { findActiveMemberships } from '../../org/queries/find-active-memberships';
import { AGENDA_ROLES, seesEventDetails } from '../agenda.policy';
import { agendaCalendarFeeds, agendaEvents } from '../agenda.schema';
import { hashFeedToken, sameFeedToken } from '../feed-tokens';
import { loadOfficials, type OfficialsIndex } from '../officials-index';
import { BUSY_TITLE, eventRecordOf, representationLabel } from '../present-event';
import { type EventRow, selectEvents } from './event-rows';
import { rowsInPeriod } from './find-events';
import { feedLabel } from './find-feeds';

/** What a feed carries: three months back, thirteen ahead (series whole, by their RRULE). */
const PAST_DAYS = 92;
const FUTURE_DAYS = 400;

/**
 * The feed behind a token, as its owner may see it today, or null (404): a revoked or rotated
 * token, an owner who left the organisation or lost the agenda. The lookup is by the token's
 * hash through a unique index, then compared in constant time.
 */
export async function renderFeed(db: Queryable, token: string, now = new Date()): Promise<string | null> {
  const [feed] = await db
    .select()
    .from(agendaCalendarFeeds)
    .where(eq(agendaCalendarFeeds.tokenHash, hashFeedToken(token)));
  if (!feed || !sameFeedToken(token, feed.tokenHash)) return null;
  const membership = (await findActiveMemberships(db, feed.userId)).find((m) => m.organisation.id === feed.orgId);
  if (!membership || !AGENDA_ROLES.read.includes(membership.role as TRole)) return null;
  // The feed reads as its owner would in the application, with their current role.
  const actor: Actor = {
    userId: feed.userId,
    name: '',
    email: '',
    orgId: feed.orgId,
    role: membership.role as TRole,
    sessionId: `feed:${feed.id}`,
    ip: '',
  };
  const officials = await loadOfficials(db, actor);
  const officialIds = feed.officialId ? [feed.officialId] : officials.ofUser(actor.userId).map((o) => o.id);
  if (officialIds.length === 0 || (feed.officialId && !officials.byId.has(feed.officialId))) return null;
  const period = {
    from: new Date(now.getTime() - PAST_DAYS * 86_400_000),
    to: new Date(now.getTime() + FUTURE_DAYS * 86_400_000),
  };
  const rows = await rowsInPeriod(db, actor, period, officialIds);
  const overrides = await overridesOfSeries(
    db,
    actor,
    rows.filter((r) => r.rrule).map((r) => r.id),
  );
  const timeZone = membership.organisation.timeZone;
  return calendarOf(actor, feedLabel(officials, feed.officialId), timeZone, rows, overrides, officials);
}

/** Every override of these series, cancelled ones included (they become EXDATEs). */
async function overridesOfSeries(db: Queryable, actor: Actor, seriesIds: string[]): Promise<EventRow[]> {
  if (seriesIds.length === 0) return [];
  return selectEvents(db, and(eq(agendaEvents.orgId, actor.orgId), inArray(agendaEvents.seriesId, seriesIds)) as SQL);
}

/** An instant as the event's wall-clock time in its zone (ical-generator writes a plain Date in the server's zone). */
const zoned = (instant: Date, timeZone: string) => DateTime.fromJSDate(instant, { zone: timeZone });

function calendarOf(
  actor: Actor,
  name: string,
  timeZone: string,
  rows: EventRow[],
  overrides: EventRow[],
  officials: OfficialsIndex,
): string {
  const calendar = ical({
    name: `Dircab – ${name}`,
    prodId: { company: 'Dircab', product: 'agenda', language: 'FR' },
    timezone: { name: timeZone, generator: getVtimezoneComponent },
    ttl: 15 * 60,
  });
  const cancelled = new Map<string, Date[]>();
  for (const o of overrides) {
    if (o.cancelled && o.seriesId && o.recurrenceId) {
      cancelled.set(o.seriesId, [...(cancelled.get(o.seriesId) ?? []), o.recurrenceId]);
    }
  }
  const seen = new Set<string>();
  for (const row of [...rows, ...overrides.filter((o) => !o.cancelled)]) {
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    const details = seesEventDetails(actor, eventRecordOf(row, officials));
    // An override is the same calendar object as its series (UID), told apart by RECURRENCE-ID.
    const uid = `${row.seriesId ?? row.id}@dircab`;
    const exdates = [...row.exdates, ...(cancelled.get(row.id) ?? [])];
    calendar.createEvent({
      id: uid,
      start: zoned(row.startsAt, row.timeZone),
      end: zoned(row.endsAt, row.timeZone),
      timezone: row.allDay ? null : row.timeZone,
      allDay: row.allDay,
      stamp: row.updatedAt,
      lastModified: row.updatedAt,
      recurrenceId: row.recurrenceId ? zoned(row.recurrenceId, row.timeZone) : null,
      repeating: row.rrule ? repeatingOf(row, exdates) : null,
      summary: details ? row.title : BUSY_TITLE,
      description: details ? descriptionOf(row, officials) : null,
      location: details && row.placeLabel ? locationOf(row) : null,
      class: row.visibility === 'private' ? ICalEventClass.PRIVATE : ICalEventClass.PUBLIC,
      busystatus: ICalEventBusyStatus.BUSY,
      alarms: details ? row.reminders.map((m) => ({ type: ICalAlarmType.display, trigger: m * 60 })) : [],
    });
  }
  return calendar.toString();
}

/** RRULE and EXDATE lines, EXDATEs in the event's own zone (TZID) or as days. */
function repeatingOf(row: EventRow, exdates: Date[]): string {
  const lines = [`RRULE:${row.rrule}`];
  if (exdates.length > 0) {
    lines.push(
      row.allDay
        ? `EXDATE;VALUE=DATE:${exdates.map((d) => zoned(d, row.timeZone).toFormat('yyyyLLdd')).join(',')}`
        : `EXDATE;TZID=${row.timeZone}:${exdates.map((d) => zoned(d, row.timeZone).toFormat("yyyyLLdd'T'HHmmss")).join(',')}`,
    );
  }
  return lines.join('\n');
}

function descriptionOf(row: EventRow, officials: OfficialsIndex): string | null {
  const parts = [
    row.representingOfficialId ? `${capitalise(representationLabel(officials, row.representingOfficialId))}.` : null,
    row.description || null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('\n\n') : null;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function locationOf(row: EventRow) {
  return {
    title: row.placeLabel as string,
    ...(row.placeAddress ? { address: row.placeAddress } : {}),
    ...(row.placeLat != null && row.placeLon != null ? { geo: { lat: row.placeLat, lon: row.placeLon } } : {}),
  };
}
