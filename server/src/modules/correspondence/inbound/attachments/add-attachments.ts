import { recordAudit } from '../../../../platform/audit/record-audit';
import type { Queryable } from '../../../../platform/db/client';
import { type StoredFile, storeFile } from '../../../../platform/files/store-file';
import { enqueueJob } from '../../../../platform/jobs/enqueue-job';
import type { Actor } from '../../../../platform/policy/actor';
import type { ItemRow } from '../../commands/register-correspondence';
import { ITEM_FILES } from './attachment-search-text';
import { EXTRACT_TEXT_JOB, hasReadableText } from './extract-text-job';

export interface Upload {
  filename: string | null | undefined;
  content: Buffer;
}

/**
 * Attaches files to an item the caller has checked the actor may see and change: stores them
 * (type sniffed, size checked), enqueues the text extraction of each PDF or scanned image in the same
 * transaction (never in the request), audits. `accept: 'any'` keeps an e-mail's attachments
 * whatever their type.
 */
export async function addAttachments(
  tx: Queryable,
  actor: Actor | null,
  item: ItemRow,
  uploads: readonly Upload[],
  accept: 'known' | 'any' = 'known',
): Promise<StoredFile[]> {
  const stored: StoredFile[] = [];
  for (const [i, upload] of uploads.entries()) {
    const file = await storeFile(tx, {
      orgId: item.orgId,
      owner: { kind: ITEM_FILES, id: item.id },
      filename: upload.filename,
      content: upload.content,
      createdBy: actor?.userId ?? null,
      accept,
      field: uploads.length > 1 ? `file.${i}` : 'file',
    });
    // A PDF's text layer, or a scan's words through OCR, go into the item's search entry.
    if (hasReadableText(file.mediaType)) {
      await enqueueJob(tx, {
        kind: EXTRACT_TEXT_JOB,
        orgId: item.orgId,
        payload: { orgId: item.orgId, itemId: item.id, fileId: file.id },
        idempotencyKey: `${EXTRACT_TEXT_JOB}:${file.id}`,
      });
    }
    stored.push(file);
  }
  if (stored.length > 0) {
    await recordAudit(
      tx,
      actor,
      {
        action: 'correspondence.attachment_add',
        recordType: 'correspondence',
        recordId: item.id,
        summary: {
          after: {
            files: stored.map((f) => ({ id: f.id, filename: f.filename, mediaType: f.mediaType, size: f.size })),
          },
        },
      },
      item.orgId,
    );
  }
  return stored;
}
