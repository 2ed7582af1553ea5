import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { findContact } from '../../directory/queries/find-contacts';
import { findOfficial } from '../../directory/queries/find-officials';
import { findTerritory } from '../../directory/queries/find-territories';
import { findMemberOptions } from '../../org/queries/find-member-options';

/** The territory must be one of the organisation's (a foreign key alone would take any). */
export async function checkTerritory(tx: Queryable, actor: Actor, territoryId: string | null | undefined) {
  if (!territoryId) return;
  if (!(await findTerritory(tx, actor, territoryId))) {
    throw problems.badRequest('Le quartier est inconnu.', [
      { path: 'territoryId', message: 'Ce quartier n’existe pas dans l’organisation.', code: 'unknown_territory' },
    ]);
  }
}

/**
 * People named on a case (owner, team, members) must be members of the organisation: another
 * organisation's user is never named, and an unknown id would be a silent no-op (400 on the field).
 */
export async function checkPeople(
  tx: Queryable,
  actor: Actor,
  fields: { path: string; ids: readonly (string | null | undefined)[] | undefined }[],
) {
  const wanted = [
    ...new Set(fields.flatMap((f) => (f.ids ?? []).filter((id): id is string => !!id).map((id) => id.toLowerCase()))),
  ];
  if (wanted.length === 0) return;
  const found = await findMemberOptions(tx, actor, { limit: 200, ids: wanted.join(',') });
  const known = new Set(found.data.map((m) => m.userId));
  for (const field of fields) {
    const ids = field.ids ?? [];
    const unknown = ids.findIndex((id) => !!id && !known.has(id.toLowerCase()));
    if (unknown < 0) continue;
    throw problems.badRequest('Une personne nommée n’est pas membre de l’organisation.', [
      {
        path: field.path === 'ownerId' ? 'ownerId' : `${field.path}.${unknown}`,
        message: 'Cette personne n’est pas membre de l’organisation.',
        code: 'unknown_member',
      },
    ]);
  }
}

/** The official acting and the institution of an intervention must be the directory's, and visible. */
export async function checkIntervention(
  tx: Queryable,
  actor: Actor,
  input: { officialId?: string | null | undefined; institutionContactId?: string | null | undefined } | undefined,
) {
  if (input?.officialId && !(await findOfficial(tx, actor, input.officialId))) {
    throw problems.badRequest('L’élu est inconnu.', [
      { path: 'intervention.officialId', message: 'Cet élu n’existe pas dans l’annuaire.', code: 'unknown_official' },
    ]);
  }
  if (input?.institutionContactId && !(await findContact(tx, actor, input.institutionContactId))) {
    throw problems.badRequest('L’institution est inconnue.', [
      {
        path: 'intervention.institutionContactId',
        message: 'Ce contact n’existe pas dans l’annuaire.',
        code: 'unknown_contact',
      },
    ]);
  }
}
