import type { TCreateContribution } from '@dircab/contracts';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { NO_CONTENT_ROLES } from '../../../platform/policy/confidentiality';
import { findService } from '../../directory/queries/find-services';
import { findMemberOptions } from '../../org/queries/find-member-options';
import { createTask } from '../../tasks/commands/create-task';
import { notePolicy } from '../notes.policy';
import { noteContributions } from '../notes.schema';
import { findNote } from '../queries/find-notes';

/**
 * Asks a service or a person for a section of the note: the section, and a task (linked to the
 * note) due the same day, so it shows in the contributor's or the service's task list.
 */
export async function requestContribution(
  tx: Queryable,
  actor: Actor,
  noteId: string,
  input: TCreateContribution,
): Promise<typeof noteContributions.$inferSelect> {
  const note = await findNote(tx, actor, noteId, true);
  if (!note) throw problems.notFound();
  if (!notePolicy.can(actor, 'requestContribution', note)) throw problems.forbidden();
  if (input.serviceId && !(await findService(tx, actor, input.serviceId))) {
    throw problems.badRequest('Le service est inconnu.', [
      { path: 'serviceId', message: 'Ce service n’existe pas dans l’organisation.', code: 'unknown_service' },
    ]);
  }
  if (input.userId) {
    const [member] = (await findMemberOptions(tx, actor, { limit: 1, ids: input.userId.toLowerCase() })).data;
    if (!member?.active || NO_CONTENT_ROLES.includes(member.role)) {
      throw problems.badRequest('La personne désignée ne peut pas contribuer.', [
        {
          path: 'userId',
          message: 'Cette personne n’est pas un membre actif de l’organisation.',
          code: 'unknown_member',
        },
      ]);
    }
  }
  const task = await createTask(tx, actor, {
    title: `Contribution à la note « ${note.title} »`,
    description: input.question,
    ...(input.serviceId ? { assigneeServiceId: input.serviceId } : { assigneeUserId: input.userId }),
    dueDate: input.dueDate,
    link: { kind: 'note', id: note.id },
  });
  const [row] = await tx
    .insert(noteContributions)
    .values({
      orgId: actor.orgId,
      noteId,
      serviceId: input.serviceId ?? null,
      userId: input.userId?.toLowerCase() ?? null,
      question: input.question,
      dueDate: input.dueDate,
      taskId: task.id,
      createdBy: actor.userId,
    })
    .returning();
  if (!row) throw new Error('contribution not created');
  await recordAudit(tx, actor, {
    action: 'note.contribution.request',
    recordType: 'note',
    recordId: noteId,
    summary: {
      contributionId: row.id,
      serviceId: row.serviceId,
      userId: row.userId,
      dueDate: row.dueDate,
      taskId: task.id,
    },
  });
  return row;
}
