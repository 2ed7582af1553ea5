import type { TTaskLinkKind } from '@dircab/contracts';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { NO_CONTENT_ROLES } from '../../../platform/policy/confidentiality';
import { findService } from '../../directory/queries/find-services';
import { findMemberOptions } from '../../org/queries/find-member-options';
import { type TaskLinkScope, taskLinkKind } from '../task-link-kinds';

/**
 * The assignee must be an active member of the organisation who sees content: group staff and
 * the admin never receive the cabinet's work.
 */
export async function checkAssignee(tx: Queryable, actor: Actor, userId: string | null | undefined) {
  if (!userId) return;
  const found = await findMemberOptions(tx, actor, { limit: 1, ids: userId.toLowerCase() });
  const member = found.data[0];
  if (!member?.active || NO_CONTENT_ROLES.includes(member.role)) {
    throw problems.badRequest('La personne désignée ne peut pas recevoir cette tâche.', [
      {
        path: 'assigneeUserId',
        message: 'Cette personne n’est pas un membre actif de l’organisation qui traite des dossiers.',
        code: 'unknown_assignee',
      },
    ]);
  }
}

/** The service must be one of the organisation's (directory). */
export async function checkService(tx: Queryable, actor: Actor, serviceId: string | null | undefined) {
  if (!serviceId) return;
  if (!(await findService(tx, actor, serviceId))) {
    throw problems.badRequest('Le service est inconnu.', [
      { path: 'assigneeServiceId', message: 'Ce service n’existe pas dans l’organisation.', code: 'unknown_service' },
    ]);
  }
}

/** The linked record's visibility, or 400: an unknown record and one the actor may not see answer the same. */
export async function linkScope(
  tx: Queryable,
  actor: Actor,
  link: { kind: TTaskLinkKind; id: string } | null | undefined,
): Promise<TaskLinkScope | null> {
  if (!link) return null;
  const kind = taskLinkKind(link.kind);
  if (!kind) {
    throw problems.badRequest('Une tâche ne se lie pas encore à ce type d’élément.', [
      { path: 'link.kind', message: 'Type d’élément pas encore pris en charge.', code: 'unsupported_kind' },
    ]);
  }
  const scope = await kind.scopeOf(tx, actor, link.id);
  if (!scope) {
    throw problems.badRequest('L’élément lié est introuvable.', [
      { path: 'link.id', message: 'Cet élément n’existe pas ou vous n’y avez pas accès.', code: 'unknown_record' },
    ]);
  }
  return scope;
}
