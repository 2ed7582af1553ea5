import type { TConflictQuery, ZConflictList } from '@dircab/contracts';
import type { z } from 'zod';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import type { AgendaContext } from '../agenda-context';
import { findConflicts } from './event-conflicts';
import { occurrencesInPeriod, periodOf } from './find-events';

/** An official's conflicts over a period: overlaps and too-short travels, by start. 404 for an unknown official. */
export async function findConflictList(
  db: Queryable,
  actor: Actor,
  query: TConflictQuery,
  context: AgendaContext,
): Promise<z.infer<typeof ZConflictList>> {
  if (!context.officials.byId.has(query.officialId)) throw problems.notFound();
  const period = periodOf(query.from, query.to, context.timeZone);
  const occurrences = await occurrencesInPeriod(db, actor, period, [query.officialId]);
  const conflicts = findConflicts(occurrences, context.travelMinutes).filter((c) => c.officialId === query.officialId);
  return {
    data: conflicts.map((c) => ({
      kind: c.kind,
      officialId: c.officialId,
      eventIds: c.occurrences.map((o) => o.row.id),
      start: c.occurrences[0].start.toISOString(),
      minutes: c.minutes,
    })),
  };
}
