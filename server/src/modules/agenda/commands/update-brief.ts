import type { TUpdateBrief } from '@dircab/contracts';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { findTerritory } from '../../directory/queries/find-territories';
import { briefPolicy } from '../agenda.policy';
import { agendaBriefs } from '../agenda.schema';
import type { OfficialsIndex } from '../officials-index';
import { eventRecordOf } from '../present-event';
import type { EventRow } from '../queries/event-rows';
import { type BriefRow, briefEvent, findBriefRow } from '../queries/find-brief';

/**
 * Writes an event's trip brief (the secretariat prepares it). Any change to a validated brief
 * sends it back to draft: the cabinet validates what the official will read, not an older text.
 */
export async function updateBrief(
  tx: Queryable,
  actor: Actor,
  eventId: string,
  input: TUpdateBrief,
  officials: OfficialsIndex,
): Promise<{ event: EventRow; row: BriefRow }> {
  const event = await briefEvent(tx, actor, eventId, officials, true);
  const before = await findBriefRow(tx, eventId, true);
  if (!briefPolicy.can(actor, 'update', { ...eventRecordOf(event, officials), status: before?.status ?? 'draft' })) {
    throw problems.forbidden();
  }
  if (input.territoryId && !(await findTerritory(tx, actor, input.territoryId))) {
    throw problems.badRequest('Le quartier est inconnu.', [
      { path: 'territoryId', message: 'Ce quartier n’existe pas dans l’annuaire.', code: 'unknown_territory' },
    ]);
  }
  const fields = {
    territoryId: input.territoryId,
    talkingPoints: input.talkingPoints,
    driver: input.driver,
    gift: input.gift,
    logistics: input.logistics,
    protocolRemarks: input.protocolRemarks,
  };
  const [row] = await tx
    .insert(agendaBriefs)
    .values({ eventId, orgId: actor.orgId, ...fields, updatedBy: actor.userId })
    .onConflictDoUpdate({
      target: agendaBriefs.eventId,
      set: {
        ...fields,
        status: 'draft',
        validatedBy: null,
        validatedAt: null,
        updatedBy: actor.userId,
        updatedAt: sql`now()`,
      },
    })
    .returning();
  if (!row) throw new Error('brief not written');
  await recordAudit(tx, actor, {
    action: 'agenda.brief.update',
    recordType: 'agenda_event',
    recordId: eventId,
    // The text stays out of the trail; which parts changed is enough.
    summary: { changed: Object.keys(input), wasValidated: before?.status === 'validated' },
  });
  return { event, row };
}
