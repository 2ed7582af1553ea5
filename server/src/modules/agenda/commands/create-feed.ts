import type { TCreateCalendarFeed } from '@dircab/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { agendaCalendarFeeds } from '../agenda.schema';
import { hashFeedToken, newFeedToken } from '../feed-tokens';
import type { OfficialsIndex } from '../officials-index';
import type { FeedRow } from '../queries/find-feeds';

/**
 * Creates the actor's subscription to an agenda (an official's, or their own), replacing the
 * previous one: its address stops working. Returns the token, shown once.
 */
export async function createFeed(
  tx: Queryable,
  actor: Actor,
  input: TCreateCalendarFeed,
  officials: OfficialsIndex,
): Promise<{ row: FeedRow; token: string }> {
  const officialId = input.officialId ?? null;
  if (officialId && !officials.byId.has(officialId)) {
    throw problems.badRequest('L’élu est inconnu.', [
      { path: 'officialId', message: 'Cet élu n’existe pas dans l’organisation.', code: 'unknown_official' },
    ]);
  }
  if (!officialId && officials.ofUser(actor.userId).length === 0) {
    throw problems.badRequest('Vous n’avez pas d’agenda d’élu.', [
      { path: 'officialId', message: 'Choisissez l’agenda d’un élu.', code: 'required' },
    ]);
  }
  await tx
    .delete(agendaCalendarFeeds)
    .where(
      and(
        eq(agendaCalendarFeeds.orgId, actor.orgId),
        eq(agendaCalendarFeeds.userId, actor.userId),
        officialId ? eq(agendaCalendarFeeds.officialId, officialId) : isNull(agendaCalendarFeeds.officialId),
      ),
    );
  const token = newFeedToken();
  const [row] = await tx
    .insert(agendaCalendarFeeds)
    .values({ orgId: actor.orgId, userId: actor.userId, officialId, tokenHash: hashFeedToken(token) })
    .returning();
  if (!row) throw new Error('feed not created');
  await recordAudit(tx, actor, {
    action: 'agenda.feed.create',
    recordType: 'agenda_calendar_feed',
    recordId: row.id,
    summary: { officialId },
  });
  return { row, token };
}
