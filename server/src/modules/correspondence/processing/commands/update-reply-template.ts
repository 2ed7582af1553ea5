import type { TUpdateReplyTemplate } from '@dircab/contracts';
import { and, eq } from 'drizzle-orm';
import { diffSummary, recordAudit } from '../../../../platform/audit/record-audit';
import type { Queryable } from '../../../../platform/db/client';
import { uniqueName } from '../../../../platform/db/unique-violation';
import { problems } from '../../../../platform/errors/problem';
import type { Actor } from '../../../../platform/policy/actor';
import { correspondenceReplyTemplates } from '../processing.schema';
import { findReplyTemplate, type ReplyTemplateRow } from '../queries/find-reply-templates';
import { sanitiseReplyHtml } from '../reply-html';

/** Changes a reply template's name, subject or text. */
export async function updateReplyTemplate(
  tx: Queryable,
  actor: Actor,
  id: string,
  input: TUpdateReplyTemplate,
): Promise<ReplyTemplateRow> {
  const before = await findReplyTemplate(tx, actor, id);
  if (!before) throw problems.notFound();
  const changes = {
    name: input.name,
    subject: input.subject,
    bodyHtml: input.bodyHtml === undefined ? undefined : sanitiseReplyHtml(input.bodyHtml),
  };
  const summary = diffSummary(before, changes);
  const [row] = await uniqueName(
    () =>
      tx
        .update(correspondenceReplyTemplates)
        .set({ ...summary.after, updatedAt: new Date() })
        .where(and(eq(correspondenceReplyTemplates.orgId, actor.orgId), eq(correspondenceReplyTemplates.id, id)))
        .returning(),
    'Un modèle porte déjà ce nom.',
  );
  if (!row) throw problems.notFound();
  await recordAudit(tx, actor, {
    action: 'reply_template.update',
    recordType: 'reply_template',
    recordId: id,
    summary: { before: { name: before.name }, after: { name: row.name }, fields: Object.keys(summary.after) },
  });
  return row;
}
