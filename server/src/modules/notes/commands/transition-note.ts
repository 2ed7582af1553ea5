import type { TNoteStatus, TTransitionNote } from '@dircab/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import { notify } from '../../../platform/notifications/notify';
import type { Actor } from '../../../platform/policy/actor';
import { notePolicy } from '../notes.policy';
import { notes } from '../notes.schema';
import { findNote, type NoteRow } from '../queries/find-notes';

const TARGET: Record<TTransitionNote['action'], TNoteStatus> = {
  submit: 'in_review',
  return: 'draft',
  validate: 'validated',
  transmit: 'transmitted',
};

/**
 * Moves a note along its circuit (submit for review, return with a comment, validate,
 * transmit to the addressee's reading folder). 404 hidden, 409 when the note is not at the
 * step the action needs or the actor may not take it. Seals the current version.
 */
export async function transitionNote(
  tx: Queryable,
  actor: Actor,
  id: string,
  input: TTransitionNote,
): Promise<NoteRow> {
  const before = await findNote(tx, actor, id, true);
  if (!before) throw problems.notFound();
  if (!notePolicy.can(actor, input.action, before)) {
    // Allowed at some step but not at this one: a conflict; never allowed: forbidden.
    const atAnyStep = (['draft', 'in_review', 'validated'] as const).some((status) =>
      notePolicy.can(actor, input.action, { ...before, status }),
    );
    if (atAnyStep) throw problems.conflict('La note n’est pas à l’étape qui permet cette action.');
    throw problems.forbidden();
  }
  const status = TARGET[input.action];
  const [row] = await tx
    .update(notes)
    .set({
      status,
      transitionedAt: sql`clock_timestamp()`,
      returnComment:
        input.action === 'return' ? (input.comment ?? null) : input.action === 'submit' ? null : before.returnComment,
      ...(input.action === 'transmit' ? { transmittedAt: sql`now()`, readAt: null } : {}),
      updatedAt: sql`now()`,
    })
    .where(and(eq(notes.orgId, actor.orgId), eq(notes.id, id)))
    .returning();
  if (!row) throw problems.notFound();
  await recordAudit(tx, actor, {
    action: `note.${input.action}`,
    recordType: 'note',
    recordId: id,
    summary: { status: { before: before.status, after: status }, ...(input.comment ? { commented: true } : {}) },
  });
  if (input.action === 'transmit' && row.addresseeId && row.addresseeId !== actor.userId) {
    await notify(tx, {
      orgId: row.orgId,
      userIds: [row.addresseeId],
      kind: 'note.transmitted',
      title: `Note à lire : ${row.title}`,
      link: `/notes/${row.id}`,
      recordKind: 'note',
      recordId: row.id,
      dedupeKey: `note.transmitted:${row.id}:${row.transmittedAt?.toISOString()}`,
    });
  }
  if (input.action === 'return' && row.authorId && row.authorId !== actor.userId) {
    await notify(tx, {
      orgId: row.orgId,
      userIds: [row.authorId],
      kind: 'note.returned',
      title: `Note renvoyée : ${row.title}`,
      link: `/notes/${row.id}`,
      recordKind: 'note',
      recordId: row.id,
      dedupeKey: `note.returned:${row.id}:${row.transitionedAt?.toISOString()}`,
    });
  }
  return row;
}
