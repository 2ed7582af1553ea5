import type { TRole } from '@dircab/contracts';
import type { Queryable } from '../../../platform/db/client';
import type { FieldError } from '../../../platform/errors/problem';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { NO_CONTENT_ROLES } from '../../../platform/policy/confidentiality';
import { findMemberOptions } from '../../org/queries/find-member-options';
import { ADDRESSEE_ROLES } from '../notes.policy';

async function membersByRole(tx: Queryable, actor: Actor, ids: string[]) {
  if (ids.length === 0) return new Map<string, { role: TRole; active: boolean }>();
  const found = await findMemberOptions(tx, actor, { limit: 100, ids: ids.join(',') });
  return new Map(found.data.map((m) => [m.userId.toLowerCase(), { role: m.role, active: m.active }]));
}

/** The addressee is an active executive or official of the organisation; members are active members who see content. */
export async function checkNotePeople(
  tx: Queryable,
  actor: Actor,
  input: { addresseeId?: string | undefined; members?: readonly string[] | undefined },
  paths: { addressee: string; members: string } = { addressee: 'addresseeId', members: 'members' },
): Promise<void> {
  const ids = [...(input.addresseeId ? [input.addresseeId] : []), ...(input.members ?? [])].map((i) => i.toLowerCase());
  const found = await membersByRole(tx, actor, [...new Set(ids)]);
  const errors: FieldError[] = [];
  if (input.addresseeId) {
    const m = found.get(input.addresseeId.toLowerCase());
    if (!m?.active || !ADDRESSEE_ROLES.includes(m.role)) {
      errors.push({
        path: paths.addressee,
        message: 'Le destinataire est le maire (l’exécutif) ou un élu de l’organisation.',
        code: 'invalid_addressee',
      });
    }
  }
  (input.members ?? []).forEach((id, i) => {
    const m = found.get(id.toLowerCase());
    if (!m?.active || NO_CONTENT_ROLES.includes(m.role)) {
      errors.push({
        path: `${paths.members}.${i}`,
        message: 'Personne inconnue dans l’organisation.',
        code: 'unknown_member',
      });
    }
  });
  if (errors.length > 0) throw problems.badRequest('Des personnes désignées sont invalides.', errors);
}

/** Who is named on a note: the explicit members, its author and its addressee. */
export function notePeople(members: readonly string[], authorId: string | null, addresseeId: string | null): string[] {
  return [
    ...new Set(
      [...members, ...(authorId ? [authorId] : []), ...(addresseeId ? [addresseeId] : [])].map((i) => i.toLowerCase()),
    ),
  ];
}
