import { ALERT_PRIORITIES, type TAlert } from '@dircab/contracts';
import type { Queryable } from '../../../platform/db/client';
import type { Actor } from '../../../platform/policy/actor';
import { alertSources } from '../alert-sources';

const RANK = new Map(ALERT_PRIORITIES.map((p, i) => [p, i]));

/**
 * The feed: every source's most urgent alerts, merged by priority then newest first, cut at
 * `limit`. Each source reads at most `limit` rows, so the feed costs the same whatever the
 * organisation's volume. Sources run one after the other (PGlite runs one query at a time).
 */
export async function findAlerts(db: Queryable, actor: Actor, limit: number): Promise<TAlert[]> {
  const all: TAlert[] = [];
  for (const source of alertSources()) all.push(...(await source.find(db, actor, limit)));
  return all
    .sort(
      (a, b) =>
        (RANK.get(a.priority) ?? 9) - (RANK.get(b.priority) ?? 9) ||
        b.at.localeCompare(a.at) ||
        a.id.localeCompare(b.id),
    )
    .slice(0, limit);
}
