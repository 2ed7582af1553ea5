import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { briefPolicy } from '../agenda.policy';
import { agendaBriefs } from '../agenda.schema';
import type { OfficialsIndex } from '../officials-index';
import { eventRecordOf } from '../present-event';
import type { EventRow } from '../queries/event-rows';
import { type BriefRow, briefEvent, findBriefRow } from '../queries/find-brief';

/** The cabinet validates a brief (draft → validated); 409 when there is none or it already is. */
export async function validateBrief(
  tx: Queryable,
  actor: Actor,
  eventId: string,
  officials: OfficialsIndex,
): Promise<{ event: EventRow; row: BriefRow }> {
  const event = await briefEvent(tx, actor, eventId, officials, true);
  const before = await findBriefRow(tx, eventId, true);
  if (!before) throw problems.conflict('La fiche de déplacement n’a pas encore été rédigée.');
  if (before.status === 'validated') throw problems.conflict('La fiche de déplacement est déjà validée.');
  if (!briefPolicy.can(actor, 'validate', { ...eventRecordOf(event, officials), status: before.status })) {
    throw problems.forbidden();
  }
  const [row] = await tx
    .update(agendaBriefs)
    .set({ status: 'validated', validatedBy: actor.userId, validatedAt: new Date(), updatedAt: sql`now()` })
    .where(eq(agendaBriefs.eventId, eventId))
    .returning();
  if (!row) throw problems.notFound();
  await recordAudit(tx, actor, { action: 'agenda.brief.validate', recordType: 'agenda_event', recordId: eventId });
  return { event, row };
}
