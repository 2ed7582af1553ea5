import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { agendaCalendarFeeds } from '../agenda.schema';
import { findOwnFeed } from '../queries/find-feeds';

/** Revokes a feed: its address answers 404 from now on. Only the feed's owner (404). */
export async function deleteFeed(tx: Queryable, actor: Actor, id: string): Promise<void> {
  const before = await findOwnFeed(tx, actor, id);
  if (!before) throw problems.notFound();
  await tx.delete(agendaCalendarFeeds).where(eq(agendaCalendarFeeds.id, id));
  await recordAudit(tx, actor, {
    action: 'agenda.feed.delete',
    recordType: 'agenda_calendar_feed',
    recordId: id,
    summary: { officialId: before.officialId },
  });
}
