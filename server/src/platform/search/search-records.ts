import type { TSearchResult } from '@dircab/contracts';
import type { Queryable } from '../db/client';
import type { Actor } from '../policy/actor';

/** Global search over the index (implementation in progress). */
export async function searchRecords(
  _db: Queryable,
  _actor: Actor,
  query: { q: string; limit: number },
): Promise<TSearchResult> {
  return { q: query.q, groups: [] };
}
