import type { TAgendaSettings } from '@dircab/contracts';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import type { Actor } from '../../../platform/policy/actor';
import { agendaSettings } from '../agenda.schema';
import { travelMinutesOf } from '../agenda-context';

/** Sets the minutes two events at different places need between them before a travel warning. */
export async function updateAgendaSettings(
  tx: Queryable,
  actor: Actor,
  input: TAgendaSettings,
): Promise<TAgendaSettings> {
  const before = await travelMinutesOf(tx, actor.orgId);
  await tx
    .insert(agendaSettings)
    .values({ orgId: actor.orgId, travelMinutes: input.travelMinutes })
    .onConflictDoUpdate({
      target: agendaSettings.orgId,
      set: { travelMinutes: input.travelMinutes, updatedAt: new Date() },
    });
  await recordAudit(tx, actor, {
    action: 'agenda.settings.update',
    recordType: 'agenda_settings',
    recordId: actor.orgId,
    summary: { before: { travelMinutes: before }, after: { travelMinutes: input.travelMinutes } },
  });
  return { travelMinutes: input.travelMinutes };
}
