import type { TUpdateNote } from '@dircab/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { refreshTaskScope } from '../../tasks/commands/refresh-task-scope';
import { notePolicy } from '../notes.policy';
import { notes } from '../notes.schema';
import { findNote, type NoteRow } from '../queries/find-notes';
import { indexNote } from './index-note';
import { checkNotePeople, notePeople } from './note-references';
import { sanitiseNoteHtml, saveBodyVersion } from './save-body';

/**
 * Edits a note in draft or review (404 hidden, 403 not theirs to edit): a body change is
 * saved as a version; a change of people or level is copied to the note's tasks.
 */
export async function updateNote(tx: Queryable, actor: Actor, id: string, input: TUpdateNote): Promise<NoteRow> {
  const before = await findNote(tx, actor, id, true);
  if (!before) throw problems.notFound();
  if (!notePolicy.can(actor, 'update', before)) throw problems.forbidden();
  await checkNotePeople(tx, actor, input);
  const addresseeId = input.addresseeId?.toLowerCase() ?? before.addresseeId;
  const level = input.confidentiality ?? before.confidentiality;
  const explicit = input.members ?? before.members;
  if (level === 'confidential' && input.members !== undefined && input.members.length === 0) {
    throw problems.badRequest('Une note confidentielle nomme au moins une personne.', [
      { path: 'members', message: 'Nommez au moins une personne.', code: 'members_required' },
    ]);
  }
  const members = notePeople(explicit, before.authorId, addresseeId);
  const bodyHtml = input.bodyHtml !== undefined ? sanitiseNoteHtml(input.bodyHtml) : before.bodyHtml;
  const version =
    input.bodyHtml !== undefined && bodyHtml !== before.bodyHtml
      ? await saveBodyVersion(tx, actor, before, bodyHtml)
      : before.version;
  const [row] = await tx
    .update(notes)
    .set({
      title: input.title ?? before.title,
      bodyHtml,
      addresseeId,
      confidentiality: level,
      members,
      version,
      updatedAt: sql`now()`,
    })
    .where(and(eq(notes.orgId, actor.orgId), eq(notes.id, id)))
    .returning();
  if (!row) throw problems.notFound();
  await recordAudit(tx, actor, {
    action: 'note.update',
    recordType: 'note',
    recordId: id,
    summary: {
      ...(input.title !== undefined && input.title !== before.title ? { titleChanged: true } : {}),
      ...(bodyHtml !== before.bodyHtml ? { bodyChanged: true, version } : {}),
      ...(addresseeId !== before.addresseeId
        ? { addresseeId: { before: before.addresseeId, after: addresseeId } }
        : {}),
      ...(level !== before.confidentiality
        ? { confidentiality: { before: before.confidentiality, after: level } }
        : {}),
      ...(members.join() !== before.members.join() ? { members: { before: before.members, after: members } } : {}),
    },
  });
  if (level !== before.confidentiality || members.join() !== before.members.join()) {
    await refreshTaskScope(tx, actor.orgId, { kind: 'note', id }, { confidentiality: level, members });
  }
  await indexNote(tx, row);
  return row;
}
