import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import type { Actor } from '../../../platform/policy/actor';
import { agendaEventOfficials, agendaEvents } from '../agenda.schema';

export type EventRow = typeof agendaEvents.$inferSelect & { officialIds: string[] };

/** Whose agenda the event is on, as text (uuid[] from a subquery is not parsed alike by both drivers). */
const officialIdsOf = sql<string>`coalesce((select string_agg(eo.official_id::text, ',' order by eo.official_id)
  from ${agendaEventOfficials} eo where eo.event_id = ${agendaEvents.id}), '')`;

export async function selectEvents(db: Queryable, where: SQL, lock = false): Promise<EventRow[]> {
  const query = db.select({ event: agendaEvents, officialIds: officialIdsOf }).from(agendaEvents).where(where);
  const rows = lock ? await query.for('update') : await query;
  return rows.map((r) => ({ ...r.event, officialIds: r.officialIds ? r.officialIds.split(',') : [] }));
}

/**
 * One event of the actor's organisation, or null (404). Every reading role sees that the slot
 * exists: what it shows of it is the presenter's decision (busy or in full).
 */
export async function findEventRow(db: Queryable, actor: Actor, id: string, lock = false): Promise<EventRow | null> {
  const [row] = await selectEvents(db, and(eq(agendaEvents.orgId, actor.orgId), eq(agendaEvents.id, id)) as SQL, lock);
  return row ?? null;
}
