import type { TCorrespondenceChannel, TCorrespondenceStatus, TFigures, TFiguresQuery } from '@dircab/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../../../platform/db/client';
import type { Actor } from '../../../../platform/policy/actor';
import { visibleItems } from '../../correspondence.policy';
import { correspondenceItems } from '../../correspondence.schema';

/**
 * How many incoming items received in the period (the organisation's days) stand in each
 * status and came by each channel: one grouped read of the period through
 * correspondence_items_org_received_idx, counting only the items the actor may see.
 */
export async function countReceived(
  db: Queryable,
  actor: Actor,
  query: TFiguresQuery,
  timeZone: string,
): Promise<Pick<TFigures, 'byStatus' | 'byChannel'>> {
  const t = correspondenceItems;
  const rows = await db
    .select({ status: t.status, channel: t.channel, count: sql<number>`count(*)::int` })
    .from(t)
    .where(
      and(
        eq(t.orgId, actor.orgId),
        eq(t.direction, 'in'),
        sql`${t.receivedAt} >= (${query.from}::date::timestamp at time zone ${timeZone})`,
        sql`${t.receivedAt} < ((${query.to}::date + 1)::timestamp at time zone ${timeZone})`,
        visibleItems(actor),
      ),
    )
    .groupBy(t.status, t.channel);
  const byStatus = new Map<TCorrespondenceStatus, number>();
  const byChannel = new Map<TCorrespondenceChannel, number>();
  for (const row of rows) {
    byStatus.set(row.status, (byStatus.get(row.status) ?? 0) + row.count);
    byChannel.set(row.channel, (byChannel.get(row.channel) ?? 0) + row.count);
  }
  const mostFirst = <K extends string>(counts: Map<K, number>) =>
    [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return {
    byStatus: mostFirst(byStatus).map(([status, count]) => ({ status, count })),
    byChannel: mostFirst(byChannel).map(([channel, count]) => ({ channel, count })),
  };
}
