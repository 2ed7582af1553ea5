import type { TCreateReplyTemplate } from '@dircab/contracts';
import { recordAudit } from '../../../../platform/audit/record-audit';
import type { Queryable } from '../../../../platform/db/client';
import { uniqueName } from '../../../../platform/db/unique-violation';
import type { Actor } from '../../../../platform/policy/actor';
import { correspondenceReplyTemplates } from '../processing.schema';
import type { ReplyTemplateRow } from '../queries/find-reply-templates';
import { sanitiseReplyHtml } from '../reply-html';

/** Adds a reply template to the organisation. */
export async function createReplyTemplate(
  tx: Queryable,
  actor: Actor,
  input: TCreateReplyTemplate,
): Promise<ReplyTemplateRow> {
  const [row] = await uniqueName(
    () =>
      tx
        .insert(correspondenceReplyTemplates)
        .values({
          orgId: actor.orgId,
          name: input.name,
          subject: input.subject,
          bodyHtml: sanitiseReplyHtml(input.bodyHtml),
        })
        .returning(),
    'Un modèle porte déjà ce nom.',
  );
  if (!row) throw new Error('reply template not created');
  await recordAudit(tx, actor, {
    action: 'reply_template.create',
    recordType: 'reply_template',
    recordId: row.id,
    summary: { after: { name: row.name } },
  });
  return row;
}
