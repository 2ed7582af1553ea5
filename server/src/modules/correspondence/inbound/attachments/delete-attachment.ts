import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../../platform/audit/record-audit';
import type { Queryable } from '../../../../platform/db/client';
import { problems } from '../../../../platform/errors/problem';
import { files } from '../../../../platform/files/files.schema';
import type { Actor } from '../../../../platform/policy/actor';
import { indexItem } from '../../commands/index-item';
import { findItem } from '../../queries/find-correspondence';
import { attachmentPolicy } from '../inbound.policy';
import { ITEM_FILES } from './attachment-search-text';

/**
 * Removes an attachment added by mistake, while the item is still `registered` (once routed,
 * what was received is part of the record). Its text leaves the item's search entry. Audited.
 */
export async function deleteAttachment(tx: Queryable, actor: Actor, itemId: string, fileId: string): Promise<void> {
  const item = await findItem(tx, actor, itemId, true);
  if (!item) throw problems.notFound();
  if (!attachmentPolicy.can(actor, 'delete', item)) {
    throw problems.conflict('Les pièces jointes ne peuvent être retirées que d’un courrier pas encore imputé.');
  }
  const [removed] = await tx
    .delete(files)
    .where(
      and(
        eq(files.orgId, actor.orgId),
        eq(files.ownerKind, ITEM_FILES),
        eq(files.ownerId, item.id),
        eq(files.id, fileId),
      ),
    )
    .returning({ id: files.id, filename: files.filename, sha256: files.sha256 });
  if (!removed) throw problems.notFound();
  await recordAudit(tx, actor, {
    action: 'correspondence.attachment_delete',
    recordType: 'correspondence',
    recordId: item.id,
    summary: { before: { file: removed } },
  });
  await indexItem(tx, item);
}
