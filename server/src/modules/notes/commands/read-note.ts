import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { notePolicy } from '../notes.policy';
import { notes } from '../notes.schema';
import { findNote, type NoteRow } from '../queries/find-notes';

/** The addressee marks a transmitted note read (404 hidden, 403 not the addressee, 409 not in the folder). */
export async function markNoteRead(tx: Queryable, actor: Actor, id: string): Promise<NoteRow> {
  const before = await findNote(tx, actor, id, true);
  if (!before) throw problems.notFound();
  if (before.addresseeId !== actor.userId) throw problems.forbidden('Seul le destinataire marque la note comme lue.');
  if (!notePolicy.can(actor, 'markRead', before)) throw problems.conflict('Cette note n’attend pas d’être lue.');
  const [row] = await tx
    .update(notes)
    .set({ status: 'read', readAt: sql`now()`, transitionedAt: sql`clock_timestamp()`, updatedAt: sql`now()` })
    .where(and(eq(notes.orgId, actor.orgId), eq(notes.id, id)))
    .returning();
  if (!row) throw problems.notFound();
  await recordAudit(tx, actor, {
    action: 'note.read',
    recordType: 'note',
    recordId: id,
    summary: { status: { before: before.status, after: 'read' } },
  });
  return row;
}

/** Reading a confidential note leaves a trace (who looked, through which screen). */
export async function auditConfidentialNoteRead(
  tx: Queryable,
  actor: Actor,
  row: Pick<NoteRow, 'id' | 'confidentiality'>,
  via: 'note' | 'versions' | 'diff' | 'export' | 'contributions' | 'annotations' = 'note',
): Promise<void> {
  if (row.confidentiality !== 'confidential') return;
  await recordAudit(tx, actor, { action: 'note.view', recordType: 'note', recordId: row.id, summary: { via } });
}
