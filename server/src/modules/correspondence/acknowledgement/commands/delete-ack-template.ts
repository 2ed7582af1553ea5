import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../../platform/audit/record-audit';
import type { Queryable } from '../../../../platform/db/client';
import { problems } from '../../../../platform/errors/problem';
import type { Actor } from '../../../../platform/policy/actor';
import { correspondenceAckTemplates } from '../acknowledgement.schema';
import { findAckTemplate } from '../queries/find-ack-templates';

/**
 * Deletes an acknowledgement template of the actor's organisation. The default one is what
 * every automatic acknowledgement prints: it may not go (409) until another is the default.
 * Acknowledgements already given keep their letter (their template link is set to null by
 * the foreign key). Audited.
 */
export async function deleteAckTemplate(tx: Queryable, actor: Actor, id: string): Promise<void> {
  const before = await findAckTemplate(tx, actor.orgId, id);
  if (!before) throw problems.notFound();
  if (before.isDefault) {
    throw problems.conflict(
      `Le modèle « ${before.name} » est celui utilisé par défaut : désignez d’abord un autre modèle par défaut, puis supprimez celui-ci.`,
    );
  }
  const t = correspondenceAckTemplates;
  // The default flag is re-checked in the delete itself: a concurrent « make default » cannot slip in.
  const deleted = await tx
    .delete(t)
    .where(and(eq(t.orgId, actor.orgId), eq(t.id, id), eq(t.isDefault, false)))
    .returning({ id: t.id });
  if (deleted.length === 0)
    throw problems.conflict('Ce modèle vient de devenir le modèle par défaut : il est conservé.');
  await recordAudit(tx, actor, {
    action: 'correspondence.ack_template.delete',
    recordType: 'correspondence_ack_template',
    recordId: id,
    summary: { before: { name: before.name, subject: before.subject } },
  });
}
