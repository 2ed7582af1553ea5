import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../../platform/audit/record-audit';
import type { Queryable } from '../../../../platform/db/client';
import { problems } from '../../../../platform/errors/problem';
import type { Actor } from '../../../../platform/policy/actor';
import { correspondenceReplyTemplates } from '../processing.schema';

/** Deletes a reply template (drafts made from it keep their text). */
export async function deleteReplyTemplate(tx: Queryable, actor: Actor, id: string): Promise<void> {
  const [row] = await tx
    .delete(correspondenceReplyTemplates)
    .where(and(eq(correspondenceReplyTemplates.orgId, actor.orgId), eq(correspondenceReplyTemplates.id, id)))
    .returning();
  if (!row) throw problems.notFound();
  await recordAudit(tx, actor, {
    action: 'reply_template.delete',
    recordType: 'reply_template',
    recordId: id,
    summary: { before: { name: row.name } },
  });
}
