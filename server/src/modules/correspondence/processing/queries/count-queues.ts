import { CORRESPONDENCE_QUEUES, type TQueueCounts } from '@dircab/contracts';
import { and, count, eq } from 'drizzle-orm';
import type { Queryable } from '../../../../platform/db/client';
import type { Actor } from '../../../../platform/policy/actor';
import { visibleItems } from '../../correspondence.policy';
import { correspondenceItems } from '../../correspondence.schema';
import { queueCondition } from '../../queries/find-correspondence';

/** How many items wait in each of the actor's queues: one indexed count per queue. */
export async function countQueues(db: Queryable, actor: Actor, timeZone: string): Promise<TQueueCounts> {
  const counts = {} as TQueueCounts;
  for (const queue of CORRESPONDENCE_QUEUES) {
    const [row] = await db
      .select({ n: count() })
      .from(correspondenceItems)
      .where(
        and(eq(correspondenceItems.orgId, actor.orgId), visibleItems(actor), queueCondition(actor, queue, timeZone)),
      );
    counts[queue] = row?.n ?? 0;
  }
  return counts;
}
