import type { TInvitation, TInvitationQuery } from '@dircab/contracts';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { localDate } from '../../../platform/calendar/working-days';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import { decodeCursor, encodeCursor } from '../../../platform/http/cursor';
import type { Actor } from '../../../platform/policy/actor';
import { AGENDA_ROLES, invitationPolicy } from '../agenda.policy';
import { agendaInvitations } from '../agenda.schema';

export type InvitationRow = typeof agendaInvitations.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Pending past its answer-by day, in the organisation's zone. */
export function isOverdue(row: InvitationRow, timeZone: string, now = new Date()): boolean {
  return row.status === 'pending' && row.answerBy < localDate(now, timeZone);
}

export function presentInvitation(actor: Actor, row: InvitationRow, timeZone: string): TInvitation {
  return {
    id: row.id,
    title: row.title,
    organiserContactId: row.organiserContactId,
    organiserName: row.organiserName,
    kind: row.kind,
    allDay: row.allDay,
    start: row.startsAt.toISOString(),
    end: row.endsAt.toISOString(),
    startDate: row.startDate,
    endDate: row.endDate,
    timeZone: row.timeZone,
    place: row.placeLabel
      ? { label: row.placeLabel, address: row.placeAddress, lat: row.placeLat, lon: row.placeLon }
      : null,
    answerBy: row.answerBy,
    status: row.status,
    overdue: isOverdue(row, timeZone),
    correspondenceItemId: row.correspondenceItemId,
    receivedOn: row.receivedOn,
    notes: row.notes,
    eventId: row.eventId,
    delegatedOfficialId: row.delegatedOfficialId,
    declineReason: row.declineReason,
    replyItemId: row.replyItemId,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    policies: invitationPolicy.policiesFor(actor, row),
  };
}

/** One invitation of the actor's organisation, or null (404); `lock` for an answer. */
export async function findInvitation(
  db: Queryable,
  actor: Actor,
  id: string,
  lock = false,
): Promise<InvitationRow | null> {
  if (!AGENDA_ROLES.invitationsRead.includes(actor.role)) return null;
  const query = db
    .select()
    .from(agendaInvitations)
    .where(and(eq(agendaInvitations.orgId, actor.orgId), eq(agendaInvitations.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/**
 * Invitations received, soonest answer-by day first (keyset on answer_by, id), by status;
 * `overdue` is a pending one past its day (agenda_invitations_org_status_idx serves both).
 */
export async function findInvitations(
  db: Queryable,
  actor: Actor,
  query: TInvitationQuery,
  timeZone: string,
): Promise<{ data: TInvitation[]; nextCursor: string | null }> {
  const t = agendaInvitations;
  const where: SQL[] = [eq(t.orgId, actor.orgId)];
  if (query.status === 'overdue') {
    where.push(eq(t.status, 'pending'), sql`${t.answerBy} < ${localDate(new Date(), timeZone)}::date`);
  } else if (query.status) {
    where.push(eq(t.status, query.status));
  }
  // The letter's page asks whether an invitation was already made of it (its own index).
  if (query.correspondenceItemId) where.push(eq(t.correspondenceItemId, query.correspondenceItemId));
  if (query.cursor) {
    const c = decodeCursor(query.cursor, ['a', 'id']);
    if (!UUID.test(c.id) || !/^\d{4}-\d{2}-\d{2}$/.test(c.a)) {
      throw problems.badRequest('Le curseur de pagination est invalide.', [
        { path: 'cursor', message: 'Curseur invalide : repartez de la première page.', code: 'invalid_cursor' },
      ]);
    }
    where.push(sql`(${t.answerBy}, ${t.id}) > (${c.a}::date, ${c.id}::uuid)`);
  }
  const rows = await db
    .select()
    .from(t)
    .where(and(...where))
    .orderBy(asc(t.answerBy), asc(t.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((r) => presentInvitation(actor, r, timeZone)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ a: last.answerBy, id: last.id }) : null,
  };
}
