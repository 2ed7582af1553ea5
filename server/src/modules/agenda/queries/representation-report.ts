import type { TRepresentationReport } from '@dircab/contracts';
import { and, eq, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { agendaEvents } from '../agenda.schema';
import type { OfficialsIndex } from '../officials-index';
import { addDays, daysBetween, startOfDay } from '../zoned-time';
import { selectEvents } from './event-rows';

/** A year at most: the report is read per term quarter or year. */
const MAX_REPORT_DAYS = 366;

/**
 * Who represented whom, how often, over a period of days (organisation's zone): the events
 * carrying a representation (agenda_events_representation_idx), grouped by the official who
 * went and the one represented, most frequent first.
 */
export async function representationReport(
  db: Queryable,
  actor: Actor,
  query: { from: string; to: string },
  context: { timeZone: string; officials: OfficialsIndex },
): Promise<TRepresentationReport> {
  if (query.to < query.from || daysBetween(query.from, query.to) + 1 > MAX_REPORT_DAYS) {
    throw problems.badRequest('La période est invalide.', [
      { path: 'to', message: `La fin suit le début, ${MAX_REPORT_DAYS} jours au plus.`, code: 'invalid_period' },
    ]);
  }
  const from = startOfDay(query.from, context.timeZone);
  const to = startOfDay(addDays(query.to, 1), context.timeZone);
  const rows = await selectEvents(
    db,
    and(
      eq(agendaEvents.orgId, actor.orgId),
      isNotNull(agendaEvents.representingOfficialId),
      sql`not ${agendaEvents.cancelled}`,
      sql`${agendaEvents.startsAt} >= ${from} and ${agendaEvents.startsAt} < ${to}`,
    ) as SQL,
  );
  const groups = new Map<string, TRepresentationReport['data'][number]>();
  for (const row of rows.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())) {
    const represented = row.representingOfficialId as string;
    for (const officialId of row.officialIds) {
      const key = `${officialId}|${represented}`;
      const group = groups.get(key) ?? {
        officialId,
        officialName: context.officials.byId.get(officialId)?.displayName ?? '',
        representedOfficialId: represented,
        representedName: context.officials.byId.get(represented)?.displayName ?? '',
        count: 0,
        events: [],
      };
      group.count++;
      group.events.push({ eventId: row.id, title: row.title, start: row.startsAt.toISOString() });
      groups.set(key, group);
    }
  }
  return {
    from: query.from,
    to: query.to,
    data: [...groups.values()].sort((a, b) => b.count - a.count || a.officialName.localeCompare(b.officialName)),
  };
}
