import type { TCalendarFeed } from '@dircab/contracts';
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import type { Actor } from '../../../platform/policy/actor';
import { feedPolicy } from '../agenda.policy';
import { agendaCalendarFeeds } from '../agenda.schema';
import type { OfficialsIndex } from '../officials-index';

export type FeedRow = typeof agendaCalendarFeeds.$inferSelect;

export function presentFeed(
  actor: Actor,
  row: FeedRow,
  officials: OfficialsIndex,
  url: string | null = null,
): TCalendarFeed {
  return {
    id: row.id,
    kind: row.officialId ? 'official' : 'user',
    officialId: row.officialId,
    label: feedLabel(officials, row.officialId),
    url,
    createdAt: (row.rotatedAt ?? row.createdAt).toISOString(),
    policies: feedPolicy.policiesFor(actor, row),
  };
}

export function feedLabel(officials: OfficialsIndex, officialId: string | null): string {
  if (!officialId) return 'Mon agenda';
  return `Agenda de ${officials.byId.get(officialId)?.displayName ?? 'l’élu'}`;
}

/** The actor's own feed of one agenda (theirs: officialId null), or null. */
export async function findOwnFeed(db: Queryable, actor: Actor, id: string): Promise<FeedRow | null> {
  const [row] = await db
    .select()
    .from(agendaCalendarFeeds)
    .where(
      and(
        eq(agendaCalendarFeeds.orgId, actor.orgId),
        eq(agendaCalendarFeeds.userId, actor.userId),
        eq(agendaCalendarFeeds.id, id),
      ),
    );
  return row ?? null;
}

/**
 * The feeds the actor may subscribe to: their own agenda when they are an official, and each
 * official's; with the subscription when they created one (its address was shown then).
 */
export async function findFeeds(
  db: Queryable,
  actor: Actor,
  officials: OfficialsIndex,
): Promise<{ data: TCalendarFeed[] }> {
  const rows = await db
    .select()
    .from(agendaCalendarFeeds)
    .where(and(eq(agendaCalendarFeeds.orgId, actor.orgId), eq(agendaCalendarFeeds.userId, actor.userId)));
  const byOfficial = new Map(rows.map((r) => [r.officialId ?? '', r]));
  const candidates: (string | null)[] = [
    ...(officials.ofUser(actor.userId).length > 0 ? [null] : []),
    ...officials.byId.keys(),
  ];
  return {
    data: candidates.map((officialId) => {
      const row = byOfficial.get(officialId ?? '');
      if (row) return presentFeed(actor, row, officials);
      return {
        id: null,
        kind: officialId ? 'official' : 'user',
        officialId,
        label: feedLabel(officials, officialId),
        url: null,
        createdAt: null,
        policies: { rotate: false, delete: false },
      };
    }),
  };
}
