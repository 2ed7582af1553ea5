import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { findService } from '../../directory/queries/find-services';
import { notePolicy } from '../notes.policy';
import { noteContributions, notes } from '../notes.schema';
import { findContribution } from '../queries/find-contributions';
import { findNote, type NoteRow } from '../queries/find-notes';
import { indexNote } from './index-note';
import { saveBodyVersion } from './save-body';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The author merges a submitted section into the body, under a heading naming who wrote it:
 * a save like any other (a version).
 */
export async function mergeContribution(tx: Queryable, actor: Actor, noteId: string, id: string): Promise<NoteRow> {
  const note = await findNote(tx, actor, noteId, true);
  if (!note) throw problems.notFound();
  const contribution = await findContribution(tx, actor, noteId, id, true);
  if (!contribution) throw problems.notFound();
  if (!notePolicy.can(actor, 'merge', note)) throw problems.forbidden();
  if (contribution.status !== 'submitted') throw problems.conflict('Seule une contribution remise peut être intégrée.');
  const service = contribution.serviceId ? await findService(tx, actor, contribution.serviceId) : null;
  const heading = service ? `Contribution : ${service.name}` : 'Contribution';
  const bodyHtml = `${note.bodyHtml}<h2>${escapeHtml(heading)}</h2>${contribution.bodyHtml}`;
  const version = await saveBodyVersion(tx, actor, note, bodyHtml);
  const [row] = await tx
    .update(notes)
    .set({ bodyHtml, version, updatedAt: sql`now()` })
    .where(and(eq(notes.orgId, actor.orgId), eq(notes.id, noteId)))
    .returning();
  if (!row) throw problems.notFound();
  await tx
    .update(noteContributions)
    .set({ status: 'merged', mergedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(noteContributions.id, id));
  await recordAudit(tx, actor, {
    action: 'note.contribution.merge',
    recordType: 'note',
    recordId: noteId,
    summary: { contributionId: id, version },
  });
  await indexNote(tx, row);
  return row;
}
