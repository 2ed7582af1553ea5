import { sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import { type AccessChange, onAccessChange } from '../../org/access-changes';

/**
 * Who may find an item in search, for every item row `ci` at once: the same people as
 * index-item.ts's `audienceOf` (the people named; unless confidential, those routed to and
 * the services members of the services routed to; for a normal item, the officials whose
 * portfolio holds its topic). A test keeps the two equal.
 */
const itemAudience = sql`array(
  select distinct person from (
    select unnest(ci.members) as person
    union all select unnest(ci.routed_user_ids) where ci.confidentiality <> 'confidential'
    union all select m.user_id from memberships m
      where ci.confidentiality <> 'confidential' and m.org_id = ci.org_id and m.role = 'services'
        and m.service_id = any(ci.service_ids)
    union all select o.user_id from officials o
      where ci.confidentiality = 'normal' and ci.topic is not null and o.org_id = ci.org_id
        and o.user_id is not null and o.portfolios @> array[ci.topic]
  ) audience
)`;

/**
 * Re-computes, in one statement, the search audience of the items a change of reach touches
 * (those routed to the services, or of the topics, named): someone who leaves a service no
 * longer finds its items' titles, someone who joins finds its older ones. The items are found
 * through the service_ids GIN index and the (org, topic) index.
 */
export async function refreshSearchAudience(tx: Queryable, change: AccessChange): Promise<void> {
  const services = sql`${`{${change.serviceIds.join(',')}}`}::uuid[]`;
  const topics = sql`${`{${change.topics.map(quoteArrayItem).join(',')}}`}::text[]`;
  await tx.execute(sql`
    update search_index si set members = a.members, updated_at = now()
    from (
      select ci.id::text as record_id, ${itemAudience} as members
      from correspondence_items ci
      where ci.org_id = ${change.orgId} and (ci.service_ids && ${services} or ci.topic = any(${topics}))
    ) a
    where si.org_id = ${change.orgId} and si.kind = 'mail' and si.record_id = a.record_id
      and si.members is distinct from a.members`);
}

/** A text[] literal's item, quoted (topics are free text: commas, quotes, braces). */
const quoteArrayItem = (value: string) => `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

/** Plugs the refresh into the organisation's changes of reach. Idempotent. */
export function registerSearchAudienceRefresh(): void {
  onAccessChange(refreshSearchAudience);
}
