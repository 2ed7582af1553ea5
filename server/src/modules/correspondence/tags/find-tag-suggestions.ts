import type { TTagSuggestions } from '@dircab/contracts';
import { tagKey } from '@dircab/contracts/correspondence';
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../../platform/db/client';
import type { Actor } from '../../../platform/policy/actor';
import { visibleItems } from '../correspondence.policy';
import { correspondenceItems } from '../correspondence.schema';

/** How many of the latest tagged items the suggestions read: recent usage, a bounded cost. */
export const SUGGESTION_WINDOW = 2000;

/**
 * The organisation's most used tags among its latest tagged items the actor may see (a tag
 * only on a confidential item the actor is not named on is never suggested), starting with
 * `q` when given, each in its most frequent spelling. The window is read through the partial
 * index correspondence_items_org_tagged_idx, newest first.
 */
export async function findTagSuggestions(
  db: Queryable,
  actor: Actor,
  query: { q?: string | undefined; limit: number },
): Promise<TTagSuggestions> {
  const t = correspondenceItems;
  const prefix = query.q ? tagKey(query.q) : '';
  const like = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await queryRows<{ tag: string; count: number }>(
    db,
    sql`
    with recent as (
      select ${t.tags} as tags, ${t.tagKeys} as keys from ${t}
      where ${t.orgId} = ${actor.orgId} and ${t.tagKeys} <> '{}'::text[] and ${visibleItems(actor)}
      order by ${t.receivedAt} desc nulls last, ${t.id} desc nulls last
      limit ${SUGGESTION_WINDOW}
    ), used as (
      select u.label, u.key from recent, unnest(recent.tags, recent.keys) as u(label, key)
    )
    select key, mode() within group (order by label) as tag, count(*)::int as count
    from used where key like ${like}
    group by key order by count(*) desc, key limit ${query.limit}`,
  );
  return { data: rows.map((r) => ({ tag: r.tag, count: Number(r.count) })) };
}
