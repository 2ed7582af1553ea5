import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import type { Actor } from '../../../platform/policy/actor';
import { agendaEvents } from '../agenda.schema';
import type { AgendaContext } from '../agenda-context';
import { auditedEvent } from './event-writes';
import { occurrenceToCancel } from './occurrence-to-cancel';
import { writableEvent } from './writable-event';

/**
 * Deletes an event (a series with its overrides and brief), or cancels one occurrence of a
 * series: the occurrence's override row is kept, marked cancelled, so the feed can say so.
 * An occurrence changed before is cancelled too, whether named by its own id or the series'.
 */
export async function deleteEvent(
  tx: Queryable,
  actor: Actor,
  id: string,
  context: AgendaContext,
  occurrence?: string,
): Promise<void> {
  const before = await writableEvent(tx, actor, id, context, 'delete');
  const override = await occurrenceToCancel(tx, actor, before, occurrence);
  if (override) {
    await tx
      .update(agendaEvents)
      .set({ cancelled: true, updatedAt: sql`now()` })
      .where(eq(agendaEvents.id, override.id));
    await recordAudit(tx, actor, {
      action: 'agenda.event.cancel_occurrence',
      recordType: 'agenda_event',
      recordId: override.seriesId ?? before.id,
      summary: { occurrence: override.recurrenceId?.toISOString(), overrideId: override.id },
    });
    return;
  }
  await tx.delete(agendaEvents).where(eq(agendaEvents.id, before.id));
  await recordAudit(tx, actor, {
    action: 'agenda.event.delete',
    recordType: 'agenda_event',
    recordId: before.id,
    summary: { before: auditedEvent(before) },
  });
}
