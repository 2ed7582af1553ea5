import type { TNoteTemplateInput, TUpdateNoteTemplate } from '@dircab/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { diffSummary, recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { noteTemplates } from '../notes.schema';
import { sanitiseNoteHtml } from './save-body';

export type NoteTemplateRow = typeof noteTemplates.$inferSelect;

/** A new template for the organisation's notes (the body kept to the safe subset). */
export async function createNoteTemplate(
  tx: Queryable,
  actor: Actor,
  input: TNoteTemplateInput,
): Promise<NoteTemplateRow> {
  const [row] = await tx
    .insert(noteTemplates)
    .values({
      orgId: actor.orgId,
      name: input.name,
      kind: input.kind ?? null,
      bodyHtml: sanitiseNoteHtml(input.bodyHtml),
      createdBy: actor.userId,
    })
    .returning();
  if (!row) throw new Error('template not created');
  await recordAudit(tx, actor, {
    action: 'note_template.create',
    recordType: 'note_template',
    recordId: row.id,
    summary: { after: { name: row.name, kind: row.kind } },
  });
  return row;
}

/** Changes a template (404 when not the organisation's). */
export async function updateNoteTemplate(
  tx: Queryable,
  actor: Actor,
  id: string,
  input: TUpdateNoteTemplate,
): Promise<NoteTemplateRow> {
  const [before] = await tx
    .select()
    .from(noteTemplates)
    .where(and(eq(noteTemplates.orgId, actor.orgId), eq(noteTemplates.id, id)))
    .for('update');
  if (!before) throw problems.notFound();
  const changes = {
    name: input.name,
    kind: input.kind,
    bodyHtml: input.bodyHtml !== undefined ? sanitiseNoteHtml(input.bodyHtml) : undefined,
  };
  const [row] = await tx
    .update(noteTemplates)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(and(eq(noteTemplates.orgId, actor.orgId), eq(noteTemplates.id, id)))
    .returning();
  if (!row) throw problems.notFound();
  const { bodyHtml: _b, ...audited } = changes;
  await recordAudit(tx, actor, {
    action: 'note_template.update',
    recordType: 'note_template',
    recordId: id,
    summary: { ...diffSummary(before, audited), ...(changes.bodyHtml !== undefined ? { bodyChanged: true } : {}) },
  });
  return row;
}

/** Deletes a template; notes made from it keep their text. */
export async function deleteNoteTemplate(tx: Queryable, actor: Actor, id: string): Promise<void> {
  const [gone] = await tx
    .delete(noteTemplates)
    .where(and(eq(noteTemplates.orgId, actor.orgId), eq(noteTemplates.id, id)))
    .returning();
  if (!gone) throw problems.notFound();
  await recordAudit(tx, actor, {
    action: 'note_template.delete',
    recordType: 'note_template',
    recordId: id,
    summary: { before: { name: gone.name, kind: gone.kind } },
  });
}
