import { and, desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import type { Actor } from '../../../platform/policy/actor';
import { sanitiseReplyHtml } from '../../correspondence/processing/reply-html';
import { noteVersions } from '../notes.schema';
import type { NoteRow } from '../queries/find-notes';

/** The note editor's rich text, kept to the subset the letters use (correspondence's sanitiser). */
export const sanitiseNoteHtml = sanitiseReplyHtml;

/**
 * Saves the body as a version: the same person saving again before any transition amends the
 * current version; another person, or any save after a transition, opens a new one (so the
 * diff shows who changed what at each step). Returns the version number the note now carries.
 */
export async function saveBodyVersion(tx: Queryable, actor: Actor, note: NoteRow, bodyHtml: string): Promise<number> {
  const [latest] = await tx
    .select()
    .from(noteVersions)
    .where(and(eq(noteVersions.noteId, note.id), eq(noteVersions.orgId, actor.orgId)))
    .orderBy(desc(noteVersions.number))
    .limit(1);
  const sealed = !latest || (note.transitionedAt !== null && latest.updatedAt <= note.transitionedAt);
  if (latest && !sealed && latest.authorId === actor.userId) {
    await tx.update(noteVersions).set({ bodyHtml, updatedAt: sql`now()` }).where(eq(noteVersions.id, latest.id));
    return latest.number;
  }
  const number = (latest?.number ?? 0) + 1;
  await tx
    .insert(noteVersions)
    .values({ orgId: actor.orgId, noteId: note.id, number, bodyHtml, authorId: actor.userId });
  return number;
}
