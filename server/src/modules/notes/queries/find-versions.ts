import type { TNoteDiff, TNoteVersion } from '@dircab/contracts';
import { diffWords } from 'diff';
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import { decodeCursor, encodeCursor } from '../../../platform/http/cursor';
import type { Actor } from '../../../platform/policy/actor';
import { noteText } from '../commands/index-note';
import { noteVersions } from '../notes.schema';
import { badCursor } from './find-notes';

type VersionRow = typeof noteVersions.$inferSelect;

function presentVersion(row: VersionRow): TNoteVersion {
  return {
    number: row.number,
    authorId: row.authorId,
    bodyHtml: row.bodyHtml,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A note's versions, oldest first (note_versions_note_number_uq). The caller checked the note is visible. */
export async function findNoteVersions(
  db: Queryable,
  actor: Actor,
  noteId: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<{ data: TNoteVersion[]; nextCursor: string | null }> {
  const where: SQL[] = [eq(noteVersions.orgId, actor.orgId), eq(noteVersions.noteId, noteId)];
  if (query.cursor) {
    const c = decodeCursor(query.cursor, ['n']);
    if (!/^\d+$/.test(c.n)) badCursor();
    where.push(sql`${noteVersions.number} > ${Number(c.n)}`);
  }
  const rows = await db
    .select()
    .from(noteVersions)
    .where(and(...where))
    .orderBy(asc(noteVersions.number))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map(presentVersion),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ n: last.number }) : null,
  };
}

/**
 * The word-level diff of two versions' text (`against` → `v`): what was added and removed, for
 * the web to colour. 404 when either version does not exist.
 */
export async function diffNoteVersions(
  db: Queryable,
  actor: Actor,
  noteId: string,
  v: number,
  against: number,
): Promise<TNoteDiff> {
  const rows = await db
    .select()
    .from(noteVersions)
    .where(
      and(
        eq(noteVersions.orgId, actor.orgId),
        eq(noteVersions.noteId, noteId),
        inArray(noteVersions.number, [v, against]),
      ),
    );
  const to = rows.find((r) => r.number === v);
  const from = rows.find((r) => r.number === against);
  if (!to || !from) throw problems.notFound('Cette version de la note n’existe pas.');
  const parts = diffWords(noteText(from.bodyHtml), noteText(to.bodyHtml));
  return {
    from: against,
    to: v,
    parts: parts.map((p) => ({ value: p.value, added: p.added === true, removed: p.removed === true })),
  };
}
