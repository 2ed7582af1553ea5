import { ALERT_PRIORITIES, type TAlert } from '@dircab/contracts';
import type { Queryable } from '../../../platform/db/client';
import type { Actor } from '../../../platform/policy/actor';
import { alertSources } from '../alert-sources';

const RANK = new Map(ALERT_PRIORITIES.map((p, i) => [p, i]));

/**
 * The feed: every source's most urgent alerts, merged by priority then newest first, cut at
 * `limit`. Each source reads at most `limit` rows, so the feed costs the same whatever the
 * organisation's volume. Sources are asked together: on PostgreSQL each runs on its own pooled
 * connection and the feed waits for the slowest, not their sum (PGlite still runs them in turn).
 */
export async function findAlerts(db: Queryable, actor: Actor, limit: number): Promise<TAlert[]> {
  const all = (await Promise.all(alertSources().map((source) => source.find(db, actor, limit)))).flat();
  return all
    .sort(
      (a, b) =>
        (RANK.get(a.priority) ?? 9) - (RANK.get(b.priority) ?? 9) ||
        b.at.localeCompare(a.at) ||
        a.id.localeCompare(b.id),
    )
    .slice(0, limit);
}
