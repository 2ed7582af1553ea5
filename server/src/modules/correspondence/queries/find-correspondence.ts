import type { TCorrespondence, TCorrespondenceQuery, TCorrespondenceSummary } from '@dircab/contracts';
import { EXCERPT_LENGTH, tagKey } from '@dircab/contracts/correspondence';
import { and, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import { localDate } from '../../../platform/calendar/working-days';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import { decodeCursor, encodeCursor } from '../../../platform/http/cursor';
import type { Actor } from '../../../platform/policy/actor';
import { memberships } from '../../org/org.schema';
import {
  type CircuitFacts,
  correspondencePolicy,
  ITEM_SCOPE,
  seesOnlyNamedItems,
  type Viewer,
  visibleItems,
} from '../correspondence.policy';
import { correspondenceItems } from '../correspondence.schema';
import { correspondenceApprovals } from '../processing/processing.schema';
import { findCircuitFacts, NO_FACTS } from '../processing/queries/find-circuit-facts';
import { findViewer } from './find-viewer';

export type ItemRow = typeof correspondenceItems.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A registration number as typed: `2026-A-000042` (any configured format with year and sequence). */
const NUMBER_SHAPE = /^\d{4}-[A-Za-z]+-\d+$/;

/** A row of the list: the item without its text, with the text's opening (`body_start`). */
export type SummaryRow = Omit<ItemRow, 'body'> & { bodyStart: string };

/** The item as the API gives it, with what this viewer may do with it now. */
export function presentItem(viewer: Viewer, row: ItemRow, facts: CircuitFacts = NO_FACTS): TCorrespondence {
  return { ...presentFields(viewer, row, facts), body: row.body };
}

/** The item as a list gives it: the opening of its text instead of the text. */
export function presentSummary(
  viewer: Viewer,
  row: SummaryRow,
  facts: CircuitFacts = NO_FACTS,
): TCorrespondenceSummary {
  return { ...presentFields(viewer, row, facts), excerpt: excerptOf(row.bodyStart) };
}

/** The opening words, whitespace folded, cut at a word where one ends close enough. */
export function excerptOf(text: string): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  if (folded.length <= EXCERPT_LENGTH) return folded;
  const cut = folded.slice(0, EXCERPT_LENGTH - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > EXCERPT_LENGTH * 0.7 ? cut.slice(0, space) : cut}…`;
}

function presentFields(viewer: Viewer, row: Omit<ItemRow, 'body'>, facts: CircuitFacts): Omit<TCorrespondence, 'body'> {
  return {
    id: row.id,
    direction: row.direction,
    registrationNumber: row.registrationNumber,
    year: row.year,
    sequence: row.sequence,
    channel: row.channel,
    typeId: row.typeId,
    subject: row.subject,
    receivedAt: row.receivedAt.toISOString(),
    senderContactId: row.senderContactId,
    sender: { name: row.senderName, email: row.senderEmail, phone: row.senderPhone, address: row.senderAddress },
    topic: row.topic,
    territoryId: row.territoryId,
    priority: row.priority,
    confidentiality: row.confidentiality,
    members: row.members,
    status: row.status,
    dueDate: row.dueDate,
    implicitDecisionDate: row.implicitDecisionDate,
    implicitDecisionRule: row.implicitDecisionRule,
    serviceIds: row.serviceIds,
    leadServiceId: row.leadServiceId,
    leadUserId: row.leadUserId,
    inReplyToId: row.inReplyToId,
    caseId: row.caseId,
    tags: row.tags,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    policies: correspondencePolicy.policiesFor(viewer, { ...row, ...facts, viewer }),
  };
}

const scope = ITEM_SCOPE;

/** One item the actor may see, or null (the route answers 404). `forUpdate` locks it for an edit. */
export async function findItem(db: Queryable, actor: Actor, id: string, forUpdate = false): Promise<ItemRow | null> {
  // Both rules use the same columns; a bad uuid is simply not found.
  if (!UUID.test(id)) return null;
  const query = db
    .select()
    .from(correspondenceItems)
    .where(and(eq(correspondenceItems.orgId, actor.orgId), eq(correspondenceItems.id, id), visibleItems(actor, scope)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/**
 * The register as the actor may see it, newest received first (keyset on received_at, id:
 * correspondence_items_org_received_idx, or the filter's own index). The period is read in
 * the organisation's time zone.
 */
export async function findItems(
  db: Queryable,
  actor: Actor,
  query: TCorrespondenceQuery,
  timeZone: string,
): Promise<{ data: TCorrespondenceSummary[]; nextCursor: string | null }> {
  const rows = await itemsStatement(db, actor, query, timeZone);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const viewer = await findViewer(db, actor);
  const facts = await findCircuitFacts(
    db,
    actor,
    page.filter((r) => r.status === 'in_review' || r.status === 'to_sign').map((r) => r.id),
  );
  return {
    data: page.map((r) => presentSummary(viewer, r, facts.get(r.id))),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor({ r: last.receivedAt.toISOString(), id: last.id }) : null,
  };
}

/** Statuses of an item still being worked: the due-date index (correspondence_items_org_due_idx) holds them. */
const OPEN_SQL = sql.raw(`('routed', 'in_progress', 'reply_drafted', 'in_review', 'to_sign', 'waiting_info')`);

/** The Sunday that ends the week (Monday to Sunday) of `day`. */
function sundayOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return new Date(d.getTime() + ((7 - d.getUTCDay()) % 7) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A work queue of the actor, each served by an index: the lead columns, the waiting visas
 * (partial index), the status, the due dates of open items.
 */
export function queueCondition(
  actor: Actor,
  queue: NonNullable<TCorrespondenceQuery['queue']>,
  timeZone: string,
  now: Date = new Date(),
): SQL {
  const t = correspondenceItems;
  const a = correspondenceApprovals;
  const open = sql`${t.status} in ${OPEN_SQL}`;
  const today = localDate(now, timeZone);
  switch (queue) {
    case 'mine':
      return and(eq(t.leadUserId, actor.userId), open) as SQL;
    case 'my_service':
      return sql`${t.leadServiceId} = (select ${memberships.serviceId} from ${memberships}
        where ${memberships.orgId} = ${actor.orgId} and ${memberships.userId} = ${actor.userId}) and ${open}`;
    case 'to_review':
      return sql`${t.status} = 'in_review' and ${t.id} in (select ${a.itemId} from ${a}
        where ${a.orgId} = ${actor.orgId} and ${a.userId} = ${actor.userId} and ${a.waiting} and ${a.kind} = 'review')`;
    case 'to_sign':
      return sql`${t.status} = 'to_sign' and ${t.id} in (select ${a.itemId} from ${a}
        where ${a.orgId} = ${actor.orgId} and ${a.userId} is null and ${a.waiting} and ${a.kind} = 'signature')`;
    case 'overdue':
      return sql`${t.dueDate} is not null and ${open} and ${t.dueDate} < ${today}::date`;
    case 'due_this_week': {
      return sql`${t.dueDate} is not null and ${open} and ${t.dueDate} >= ${today}::date and ${t.dueDate} <= ${sundayOf(today)}::date`;
    }
  }
}

const { body, ...withoutBody } = getTableColumns(correspondenceItems);
/**
 * What a list row reads: every column but the text, and enough of the text's start for the
 * excerpt (twice its length, since folding whitespace shortens it).
 */
const summaryColumns = {
  ...withoutBody,
  bodyStart: sql<string>`left(${body}, ${EXCERPT_LENGTH * 2})`.as('body_start'),
};

/** The list's statement (one page and one row more), also what bench/src/correspondence-volume.ts explains. */
export function itemsStatement(db: Queryable, actor: Actor, query: TCorrespondenceQuery, timeZone: string) {
  const t = correspondenceItems;
  const where: SQL[] = [eq(t.orgId, actor.orgId), visibleItems(actor, scope)];
  if (query.status) where.push(eq(t.status, query.status));
  if (query.channel) where.push(eq(t.channel, query.channel));
  if (query.direction) where.push(eq(t.direction, query.direction));
  if (query.typeId) where.push(eq(t.typeId, query.typeId));
  if (query.territoryId) where.push(eq(t.territoryId, query.territoryId));
  if (query.topic) where.push(eq(t.topic, query.topic));
  // Any spelling of the tag: the GIN index on the keys (correspondence_items_tag_keys_idx).
  if (query.tag) where.push(sql`${t.tagKeys} @> array[${tagKey(query.tag)}]::text[]`);
  // Routed (now or before) to the service or the person: the GIN arrays.
  if (query.serviceId) where.push(sql`${t.serviceIds} @> array[${query.serviceId}::uuid]`);
  if (query.userId) where.push(sql`${t.routedUserIds} @> array[${query.userId}::uuid]`);
  if (query.queue) where.push(queueCondition(actor, query.queue, timeZone));
  if (query.from) where.push(sql`${t.receivedAt} >= (${query.from}::date::timestamp at time zone ${timeZone})`);
  if (query.to) where.push(sql`${t.receivedAt} < ((${query.to}::date + 1)::timestamp at time zone ${timeZone})`);
  if (query.q) {
    where.push(
      !NUMBER_SHAPE.test(query.q)
        ? // correspondence_items_subject_trgm_idx serves a rare word; a common one is found
          // soon enough walking the date index (16 ms and 11 ms at 250,000 items).
          sql`dircab_unaccent(lower(${t.subject})) like '%' || dircab_unaccent(lower(${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)})) || '%'`
        : // The unique (org_id, registration_number) index.
          eq(t.registrationNumber, query.q.toUpperCase()),
    );
  }
  if (query.cursor) {
    const c = decodeCursor(query.cursor, ['r', 'id']);
    if (!UUID.test(c.id) || Number.isNaN(Date.parse(c.r))) {
      throw problems.badRequest('Le curseur de pagination est invalide.', [
        { path: 'cursor', message: 'Curseur invalide : repartez de la première page.', code: 'invalid_cursor' },
      ]);
    }
    where.push(sql`(${t.receivedAt}, ${t.id}) < (${c.r}::timestamptz, ${c.id}::uuid)`);
  }
  if (seesOnlyNamedItems(actor)) {
    // A service's or official's items are the few they are named on: gathered through the
    // members index, then sorted. Ordered NULLS FIRST (the same order: both columns are NOT
    // NULL) so that the date index cannot serve the order: otherwise the planner walks it
    // testing every row, and a service named on nothing read the whole register (137 ms at
    // 250,000 items; bench/src/correspondence-volume.ts). An OFFSET 0 fence did not stop it.
    return db
      .select(summaryColumns)
      .from(t)
      .where(and(...where))
      .orderBy(sql`${t.receivedAt} desc nulls first`, sql`${t.id} desc nulls first`)
      .limit(query.limit + 1);
  }
  // NULLS LAST as the indexes are built (drizzle's .desc() writes it): ORDER BY … DESC alone
  // means NULLS FIRST, which the indexes cannot give, and the planner sorted the whole register.
  return db
    .select(summaryColumns)
    .from(t)
    .where(and(...where))
    .orderBy(sql`${t.receivedAt} desc nulls last`, sql`${t.id} desc nulls last`)
    .limit(query.limit + 1);
}
