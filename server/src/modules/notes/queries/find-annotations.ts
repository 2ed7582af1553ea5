import type { TAnnotation } from '@dircab/contracts';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import { decodeCursor, encodeCursor } from '../../../platform/http/cursor';
import type { Actor } from '../../../platform/policy/actor';
import { noteAnnotations } from '../notes.schema';
import { badCursor } from './find-notes';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function presentAnnotation(row: typeof noteAnnotations.$inferSelect): TAnnotation {
  return {
    id: row.id,
    noteId: row.noteId,
    quote: row.quote,
    comment: row.comment,
    authorId: row.authorId,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A note's annotations in the order they were written (note_annotations_note_idx). The caller checked the note is visible. */
export async function findAnnotations(
  db: Queryable,
  actor: Actor,
  noteId: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<{ data: TAnnotation[]; nextCursor: string | null }> {
  const where: SQL[] = [eq(noteAnnotations.orgId, actor.orgId), eq(noteAnnotations.noteId, noteId)];
  if (query.cursor) {
    const c = decodeCursor(query.cursor, ['id']);
    if (!UUID.test(c.id)) badCursor();
    where.push(sql`${noteAnnotations.id} > ${c.id}::uuid`);
  }
  const rows = await db
    .select()
    .from(noteAnnotations)
    .where(and(...where))
    .orderBy(asc(noteAnnotations.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map(presentAnnotation),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ id: last.id }) : null,
  };
}
