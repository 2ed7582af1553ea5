import type { TBrief } from '@dircab/contracts';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { type BriefRecord, briefPolicy, seesEventDetails } from '../agenda.policy';
import { agendaBriefs } from '../agenda.schema';
import type { OfficialsIndex } from '../officials-index';
import { eventRecordOf } from '../present-event';
import { type EventRow, findEventRow } from './event-rows';

export type BriefRow = typeof agendaBriefs.$inferSelect;

/** The event a brief belongs to, when the actor sees it in full; 404 otherwise (a busy slot has no brief to read). */
export async function briefEvent(
  db: Queryable,
  actor: Actor,
  eventId: string,
  officials: OfficialsIndex,
  lock = false,
) {
  const event = await findEventRow(db, actor, eventId, lock);
  if (!event || !seesEventDetails(actor, eventRecordOf(event, officials))) throw problems.notFound();
  return event;
}

export async function findBriefRow(db: Queryable, eventId: string, lock = false): Promise<BriefRow | null> {
  const query = db.select().from(agendaBriefs).where(eq(agendaBriefs.eventId, eventId));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/** The brief of an event, or an empty draft when none was written yet. */
export function presentBrief(actor: Actor, event: EventRow, row: BriefRow | null, officials: OfficialsIndex): TBrief {
  const record: BriefRecord = { ...eventRecordOf(event, officials), status: row?.status ?? 'draft' };
  return {
    eventId: event.id,
    status: row?.status ?? 'draft',
    talkingPoints: row?.talkingPoints ?? '',
    driver: row?.driver ?? null,
    gift: row?.gift ?? null,
    logistics: row?.logistics ?? '',
    protocolRemarks: row?.protocolRemarks ?? '',
    territoryId: row?.territoryId ?? null,
    validatedBy: row?.validatedBy ?? null,
    validatedAt: row?.validatedAt?.toISOString() ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    policies: briefPolicy.policiesFor(actor, record),
  };
}
