import type { TAnswerNote } from '@dircab/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import { notify } from '../../../platform/notifications/notify';
import type { Actor } from '../../../platform/policy/actor';
import { createDecision } from '../../decisions/commands/create-decision';
import { notePolicy } from '../notes.policy';
import { notes } from '../notes.schema';
import { organisationToday } from '../organisation-today';
import { findNote, type NoteRow } from '../queries/find-notes';

/**
 * The addressee answers a note with a decision (and its follow-up actions, each a task): the
 * decision takes the note's confidentiality; the note leaves the reading folder; its author is told.
 */
export async function answerNote(tx: Queryable, actor: Actor, id: string, input: TAnswerNote): Promise<NoteRow> {
  const before = await findNote(tx, actor, id, true);
  if (!before) throw problems.notFound();
  if (before.addresseeId !== actor.userId) throw problems.forbidden('Seul le destinataire répond à la note.');
  if (!notePolicy.can(actor, 'answer', before)) throw problems.conflict('Cette note n’attend pas de réponse.');
  const decision = await createDecision(tx, actor, {
    title: input.decision,
    ...(input.detail !== undefined ? { detail: input.detail } : {}),
    decidedById: actor.userId,
    decidedOn: await organisationToday(tx, actor.orgId),
    noteId: id,
    actions: input.actions ?? [],
  });
  const [row] = await tx
    .update(notes)
    .set({
      status: 'answered',
      answeredAt: sql`now()`,
      readAt: before.readAt ?? sql`now()`,
      decisionId: decision.id,
      transitionedAt: sql`clock_timestamp()`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(notes.orgId, actor.orgId), eq(notes.id, id)))
    .returning();
  if (!row) throw problems.notFound();
  await recordAudit(tx, actor, {
    action: 'note.answer',
    recordType: 'note',
    recordId: id,
    summary: { status: { before: before.status, after: 'answered' }, decisionId: decision.id },
  });
  if (row.authorId && row.authorId !== actor.userId) {
    await notify(tx, {
      orgId: row.orgId,
      userIds: [row.authorId],
      kind: 'note.answered',
      title: `Réponse à la note : ${row.title}`,
      link: `/notes/${row.id}`,
      recordKind: 'note',
      recordId: row.id,
      dedupeKey: `note.answered:${row.id}`,
    });
  }
  return row;
}
