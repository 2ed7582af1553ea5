import type { TWriteContribution } from '@dircab/contracts';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { updateTask } from '../../tasks/commands/update-task';
import { noteContributions } from '../notes.schema';
import { type ContributionRow, findContribution } from '../queries/find-contributions';
import { sanitiseNoteHtml } from './save-body';

/**
 * The contributor writes their section (404 when it is not theirs nor a note they see, 403
 * for a reader who is not the contributor, 409 once submitted); `submit` hands it to the
 * author and marks the task done.
 */
export async function writeContribution(
  tx: Queryable,
  actor: Actor,
  noteId: string,
  id: string,
  input: TWriteContribution,
): Promise<ContributionRow> {
  const before = await findContribution(tx, actor, noteId, id, true);
  if (!before) throw problems.notFound();
  if (!before.mine) throw problems.forbidden('Seul le contributeur désigné écrit cette contribution.');
  if (before.status !== 'requested') throw problems.conflict('Cette contribution a déjà été remise.');
  const submit = input.submit === true;
  await tx
    .update(noteContributions)
    .set({
      bodyHtml: sanitiseNoteHtml(input.bodyHtml),
      ...(submit ? { status: 'submitted' as const, submittedAt: sql`now()`, submittedBy: actor.userId } : {}),
      updatedAt: sql`now()`,
    })
    .where(eq(noteContributions.id, id));
  await recordAudit(tx, actor, {
    action: submit ? 'note.contribution.submit' : 'note.contribution.write',
    recordType: 'note',
    recordId: noteId,
    summary: { contributionId: id },
  });
  if (submit && before.taskId) await updateTask(tx, actor, before.taskId, { status: 'done' });
  const after = await findContribution(tx, actor, noteId, id);
  if (!after) throw problems.notFound();
  return after;
}
