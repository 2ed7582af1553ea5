import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { findTerritory } from '../../directory/queries/find-territories';
import { findMemberOptions } from '../../org/queries/find-member-options';
import { correspondenceItemTypes } from '../correspondence.schema';

export type ItemTypeRow = typeof correspondenceItemTypes.$inferSelect;

/** The organisation's item type, or 400 on `typeId` (another organisation's type is unknown here). */
export async function itemTypeOf(tx: Queryable, actor: Actor, typeId: string | null | undefined) {
  if (!typeId) return null;
  const [type] = await tx
    .select()
    .from(correspondenceItemTypes)
    .where(and(eq(correspondenceItemTypes.orgId, actor.orgId), eq(correspondenceItemTypes.id, typeId)));
  if (!type) {
    throw problems.badRequest('Le type de courrier est inconnu.', [
      { path: 'typeId', message: 'Ce type de courrier n’existe pas dans l’organisation.', code: 'unknown_type' },
    ]);
  }
  return type;
}

/** The territory must be one of the organisation's (a foreign key alone would take any). */
export async function checkTerritory(tx: Queryable, actor: Actor, territoryId: string | null | undefined) {
  if (!territoryId) return;
  if (!(await findTerritory(tx, actor, territoryId))) {
    throw problems.badRequest('Le quartier est inconnu.', [
      { path: 'territoryId', message: 'Ce quartier n’existe pas dans l’organisation.', code: 'unknown_territory' },
    ]);
  }
}

/** An item is registered once it has arrived: a date in the future is a typing error. */
export function checkReceivedAt(receivedAt: Date, now: Date = new Date()) {
  // A few minutes of leeway for a clock a little ahead on the client's side.
  if (receivedAt.getTime() > now.getTime() + 5 * 60_000) {
    throw problems.badRequest('La date de réception est dans le futur.', [
      { path: 'receivedAt', message: 'La date de réception ne peut pas être dans le futur.', code: 'future_date' },
    ]);
  }
}

/**
 * People named on an item must be members of the organisation: an unknown id would be a
 * silent no-op at best, and another organisation's user must never be named (400 on `members`).
 */
export async function checkMembers(tx: Queryable, actor: Actor, members: readonly string[] | undefined) {
  const named = (members ?? []).map((id) => id.toLowerCase());
  const wanted = [...new Set(named)];
  if (wanted.length === 0) return;
  const found = await findMemberOptions(tx, actor, { limit: 50, ids: wanted.join(',') });
  const known = new Set(found.data.map((m) => m.userId));
  const unknown = wanted.findIndex((id) => !known.has(id));
  if (unknown >= 0) {
    throw problems.badRequest('Une personne nommée n’est pas membre de l’organisation.', [
      {
        path: `members.${named.indexOf(wanted[unknown] as string)}`,
        message: 'Cette personne n’est pas membre de l’organisation.',
        code: 'unknown_member',
      },
    ]);
  }
}
