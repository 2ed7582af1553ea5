import type { TCreateAnnotation } from '@dircab/contracts';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { notePolicy } from '../notes.policy';
import { noteAnnotations } from '../notes.schema';
import { findNote } from '../queries/find-notes';
import { noteText } from './index-note';

/**
 * The addressee comments a passage of a transmitted note: the quote must be words of the note
 * (400 otherwise), so the comment stays anchored to what they read.
 */
export async function annotateNote(
  tx: Queryable,
  actor: Actor,
  id: string,
  input: TCreateAnnotation,
): Promise<typeof noteAnnotations.$inferSelect> {
  const note = await findNote(tx, actor, id, true);
  if (!note) throw problems.notFound();
  if (note.addresseeId !== actor.userId) throw problems.forbidden('Seul le destinataire annote la note.');
  if (!notePolicy.can(actor, 'annotate', note)) throw problems.conflict('La note n’a pas encore été transmise.');
  const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
  if (!squash(noteText(note.bodyHtml)).includes(squash(input.quote))) {
    throw problems.badRequest('Le passage cité n’est pas dans la note.', [
      { path: 'quote', message: 'Citez un passage du texte de la note.', code: 'quote_not_found' },
    ]);
  }
  const [row] = await tx
    .insert(noteAnnotations)
    .values({ orgId: actor.orgId, noteId: id, quote: input.quote, comment: input.comment, authorId: actor.userId })
    .returning();
  if (!row) throw new Error('annotation not created');
  await recordAudit(tx, actor, {
    action: 'note.annotate',
    recordType: 'note',
    recordId: id,
    summary: { annotationId: row.id },
  });
  return row;
}
