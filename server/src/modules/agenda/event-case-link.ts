import { localDate } from '../../platform/calendar/working-days';
import type { Queryable } from '../../platform/db/client';
import type { Actor } from '../../platform/policy/actor';
import { registerCaseLinkKind } from '../cases/case-link-kinds';
import { AGENDA_ROLES, seesEventDetails } from './agenda.policy';
import { loadOfficials } from './officials-index';
import { BUSY_TITLE, eventRecordOf } from './present-event';
import { type EventRow, findEventRow } from './queries/event-rows';

/** « 25 novembre 2026, 18:00 » in the event's zone; the day alone for an all-day event. */
function whenOf(row: EventRow): string {
  return new Intl.DateTimeFormat('fr-FR', {
    timeZone: row.timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(row.allDay ? {} : { hour: '2-digit', minute: '2-digit' }),
  }).format(row.startsAt);
}

/**
 * An event as a case shows it, with the agenda's visibility: in full, or « Occupé » and its
 * time for a private slot the actor may only see as busy (they may still link it: the slot
 * is known to every agenda reader). Null for roles that do not read agendas, and for events
 * of another organisation or deleted: the link is then refused, or shown without its title.
 */
export async function describeEventForCase(db: Queryable, actor: Actor, id: string) {
  if (!AGENDA_ROLES.read.includes(actor.role)) return null;
  const row = await findEventRow(db, actor, id);
  if (!row) return null;
  const record = eventRecordOf(row, await loadOfficials(db, actor));
  const title = seesEventDetails(actor, record) ? row.title : BUSY_TITLE;
  const cancelled = row.cancelled ? ' (annulé)' : '';
  // The calendar opens on the event's day, on the agendas it is on.
  const day = row.startDate ?? localDate(row.startsAt, row.timeZone);
  const officials = row.officialIds.length > 0 ? `&officials=${row.officialIds.join(',')}` : '';
  return { title: `${title} — ${whenOf(row)}${cancelled}`, url: `/agenda?view=day&date=${day}${officials}` };
}

/** Cases link events of the agenda (kind `event`), as the actor may see them. */
export function registerEventCaseLink(): void {
  registerCaseLinkKind({ kind: 'event', describe: describeEventForCase });
}
