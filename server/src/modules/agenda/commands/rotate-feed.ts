import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { agendaCalendarFeeds } from '../agenda.schema';
import { hashFeedToken, newFeedToken } from '../feed-tokens';
import { type FeedRow, findOwnFeed } from '../queries/find-feeds';

/** A new secret address for a feed; the old one stops working at once. Only the feed's owner (404). */
export async function rotateFeed(tx: Queryable, actor: Actor, id: string): Promise<{ row: FeedRow; token: string }> {
  const before = await findOwnFeed(tx, actor, id);
  if (!before) throw problems.notFound();
  const token = newFeedToken();
  const [row] = await tx
    .update(agendaCalendarFeeds)
    .set({ tokenHash: hashFeedToken(token), rotatedAt: new Date() })
    .where(eq(agendaCalendarFeeds.id, id))
    .returning();
  if (!row) throw problems.notFound();
  await recordAudit(tx, actor, { action: 'agenda.feed.rotate', recordType: 'agenda_calendar_feed', recordId: id });
  return { row, token };
}
