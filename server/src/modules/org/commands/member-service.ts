import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { findService } from '../../directory/queries/find-services';

/** A member's service must be one of the organisation's directory services (400 otherwise). */
export async function checkMemberService(tx: Queryable, orgId: string, serviceId: string | null | undefined) {
  if (!serviceId) return;
  // findService scopes by the organisation only: no other field of the actor is read.
  if (!(await findService(tx, { orgId } as Actor, serviceId))) {
    throw problems.badRequest('Le service est inconnu.', [
      { path: 'serviceId', message: 'Ce service n’existe pas dans l’organisation.', code: 'unknown_service' },
    ]);
  }
}
