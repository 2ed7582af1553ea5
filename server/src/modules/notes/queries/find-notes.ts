import type { TNote, TNoteQuery } from '@dircab/contracts';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import { decodeCursor, encodeCursor } from '../../../platform/http/cursor';
import type { Actor } from '../../../platform/policy/actor';
import { notePolicy, visibleNotes } from '../notes.policy';
import { notes } from '../notes.schema';

export type NoteRow = typeof notes.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const noteScope = { orgId: notes.orgId, confidentiality: notes.confidentiality, members: notes.members };

export function presentNote(actor: Actor, row: NoteRow): TNote {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    addresseeId: row.addresseeId,
    authorId: row.authorId,
    bodyHtml: row.bodyHtml,
    status: row.status,
    confidentiality: row.confidentiality,
    members: row.members,
    caseId: row.caseId,
    version: row.version,
    returnComment: row.returnComment,
    transmittedAt: row.transmittedAt?.toISOString() ?? null,
    readAt: row.readAt?.toISOString() ?? null,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    decisionId: row.decisionId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    policies: notePolicy.policiesFor(actor, row),
  };
}

/** One note the actor may see, or null (404). `forUpdate` locks it for a change. */
export async function findNote(db: Queryable, actor: Actor, id: string, forUpdate = false): Promise<NoteRow | null> {
  const query = db
    .select()
    .from(notes)
    .where(and(eq(notes.orgId, actor.orgId), eq(notes.id, id), visibleNotes(actor, noteScope)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export function badCursor(): never {
  throw problems.badRequest('Le curseur de pagination est invalide.', [
    { path: 'cursor', message: 'Curseur invalide : repartez de la première page.', code: 'invalid_cursor' },
  ]);
}

/** Notes the actor may see, newest first (notes_org_id_idx, notes_org_status_idx, notes_org_kind_idx, notes_members_idx). */
export async function findNotes(
  db: Queryable,
  actor: Actor,
  query: TNoteQuery,
): Promise<{ data: TNote[]; nextCursor: string | null }> {
  const where: SQL[] = [eq(notes.orgId, actor.orgId), visibleNotes(actor, noteScope)];
  if (query.status) where.push(eq(notes.status, query.status));
  if (query.kind) where.push(eq(notes.kind, query.kind));
  // Both views go through the members' GIN index (notes_members_idx): the author and the
  // addressee are always members.
  if (query.view === 'mine' || query.view === 'addressed') {
    where.push(sql`${notes.members} @> array[${actor.userId}::uuid]`);
  }
  if (query.view === 'addressed') where.push(eq(notes.addresseeId, actor.userId));
  if (query.cursor) {
    const c = decodeCursor(query.cursor, ['id']);
    if (!UUID.test(c.id)) badCursor();
    where.push(sql`${notes.id} < ${c.id}::uuid`);
  }
  const rows = await db
    .select()
    .from(notes)
    .where(and(...where))
    .orderBy(desc(notes.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((r) => presentNote(actor, r)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ id: last.id }) : null,
  };
}

/**
 * The addressee's reading folder: notes transmitted and not yet read first, then the read
 * ones, newest transmission first (notes_org_addressee_idx). Answered notes have left it.
 */
export async function findReadingFolder(
  db: Queryable,
  actor: Actor,
  query: { limit: number; cursor?: string | undefined },
): Promise<{ data: TNote[]; nextCursor: string | null }> {
  const rank = sql<number>`(case when ${notes.status} = 'transmitted' then 0 else 1 end)`;
  const where: SQL[] = [
    eq(notes.orgId, actor.orgId),
    eq(notes.addresseeId, actor.userId),
    sql`${notes.status} in ('transmitted', 'read')`,
    visibleNotes(actor, noteScope),
  ];
  if (query.cursor) {
    const c = decodeCursor(query.cursor, ['r', 't', 'id']);
    if (!UUID.test(c.id) || !/^[01]$/.test(c.r) || Number.isNaN(Date.parse(c.t))) badCursor();
    // Rank ascending, then transmission and id descending.
    where.push(
      sql`(${rank} > ${Number(c.r)} or (${rank} = ${Number(c.r)} and (${notes.transmittedAt}, ${notes.id}) < (${c.t}::timestamptz, ${c.id}::uuid)))`,
    );
  }
  const rows = await db
    .select()
    .from(notes)
    .where(and(...where))
    .orderBy(rank, desc(notes.transmittedAt), desc(notes.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((r) => presentNote(actor, r)),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({
            r: last.status === 'transmitted' ? '0' : '1',
            t: (last.transmittedAt ?? new Date(0)).toISOString(),
            id: last.id,
          })
        : null,
  };
}
