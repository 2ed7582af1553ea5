import type { TCreateNote } from '@dircab/contracts';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { linkRecord } from '../../cases/commands/link-record';
import { notes, noteTemplates } from '../notes.schema';
import type { NoteRow } from '../queries/find-notes';
import { indexNote } from './index-note';
import { checkNotePeople, notePeople } from './note-references';
import { sanitiseNoteHtml, saveBodyVersion } from './save-body';

/**
 * Writes a new draft: checks its people and template, names the author and the addressee,
 * makes version 1, links it to its case (through the cases module), audits and indexes it.
 */
export async function createNote(tx: Queryable, actor: Actor, input: TCreateNote): Promise<NoteRow> {
  await checkNotePeople(tx, actor, input);
  let body = input.bodyHtml;
  if (input.templateId) {
    const [template] = await tx
      .select()
      .from(noteTemplates)
      .where(and(eq(noteTemplates.orgId, actor.orgId), eq(noteTemplates.id, input.templateId)));
    if (!template) {
      throw problems.badRequest('Le modèle est introuvable.', [
        { path: 'templateId', message: 'Ce modèle n’existe pas dans l’organisation.', code: 'unknown_template' },
      ]);
    }
    body ??= template.bodyHtml;
  }
  const [row] = await tx
    .insert(notes)
    .values({
      orgId: actor.orgId,
      kind: input.kind,
      title: input.title,
      addresseeId: input.addresseeId.toLowerCase(),
      authorId: actor.userId,
      bodyHtml: sanitiseNoteHtml(body ?? ''),
      confidentiality: input.confidentiality,
      members: notePeople(input.members ?? [], actor.userId, input.addresseeId),
      caseId: input.caseId ?? null,
    })
    .returning();
  if (!row) throw new Error('note not created');
  await saveBodyVersion(tx, actor, row, row.bodyHtml);
  if (input.caseId) {
    // The cases module checks the actor may edit the case; its errors name `recordId`/404: say `caseId`.
    try {
      await linkRecord(tx, actor, input.caseId, { kind: 'note', recordId: row.id });
    } catch {
      throw problems.badRequest('Le dossier est introuvable.', [
        {
          path: 'caseId',
          message: 'Ce dossier n’existe pas ou vous ne pouvez pas y lier une note.',
          code: 'unknown_case',
        },
      ]);
    }
  }
  // The title and body stay out of the trail: what a note says is the secret.
  await recordAudit(tx, actor, {
    action: 'note.create',
    recordType: 'note',
    recordId: row.id,
    summary: {
      after: {
        kind: row.kind,
        addresseeId: row.addresseeId,
        confidentiality: row.confidentiality,
        members: row.members,
        caseId: row.caseId,
      },
    },
  });
  await indexNote(tx, row);
  return row;
}
