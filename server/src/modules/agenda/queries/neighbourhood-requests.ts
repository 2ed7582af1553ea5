import type { TAssembledBrief, TCorrespondenceQuery } from '@dircab/contracts';
import type { Queryable } from '../../../platform/db/client';
import type { Actor } from '../../../platform/policy/actor';
import { CORRESPONDENCE_ROLES } from '../../correspondence/correspondence.policy';
import { findItems } from '../../correspondence/queries/find-correspondence';
import { findTerritory } from '../../directory/queries/find-territories';

/** Statuses of an item whose handling is over. */
const FINISHED = new Set(['sent', 'closed', 'closed_without_reply', 'forwarded']);
/** Requests read, newest first, before the finished ones are left out. */
const READ = 40;
/** Requests a one-page brief recalls. */
const SHOWN = 8;

/**
 * The open requests of the brief's neighbourhood: incoming mail filed under that territory and
 * not yet answered or closed, newest first, read through the correspondence module's own list
 * so that its access rules apply (a role that does not read correspondence sees none).
 */
export async function neighbourhoodRequests(
  db: Queryable,
  actor: Actor,
  territoryId: string | null,
  timeZone: string,
): Promise<Pick<TAssembledBrief, 'territory' | 'openRequests'>> {
  const territory = territoryId ? await findTerritory(db, actor, territoryId) : null;
  if (!territory) return { territory: null, openRequests: [] };
  const named = { id: territory.id, name: territory.name };
  if (!CORRESPONDENCE_ROLES.read.includes(actor.role)) return { territory: named, openRequests: [] };
  const query = { limit: READ, territoryId: territory.id, direction: 'in' } as TCorrespondenceQuery;
  const page = await findItems(db, actor, query, timeZone);
  return {
    territory: named,
    openRequests: page.data
      .filter((item) => !FINISHED.has(item.status))
      .slice(0, SHOWN)
      .map((item) => ({
        id: item.id,
        registrationNumber: item.registrationNumber,
        subject: item.subject,
        senderName: item.sender.name,
        receivedAt: item.receivedAt,
        status: item.status,
      })),
  };
}
