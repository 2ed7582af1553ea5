import type { TAttachment } from '@dircab/contracts';
import type { Queryable } from '../../../../platform/db/client';
import { findFilesOf } from '../../../../platform/files/find-files';
import type { StoredFile } from '../../../../platform/files/store-file';
import type { Actor } from '../../../../platform/policy/actor';
import type { ItemRow } from '../../commands/register-correspondence';
import { attachmentPolicy } from '../inbound.policy';
import { uuidCursor } from '../uuid-cursor';
import { ITEM_FILES } from './attachment-search-text';

export function presentAttachment(actor: Actor, item: ItemRow, file: StoredFile): TAttachment {
  return {
    id: file.id,
    filename: file.filename,
    mediaType: file.mediaType,
    size: file.size,
    sha256: file.sha256,
    textExtracted: file.extractedText !== null,
    createdAt: file.createdAt.toISOString(),
    url: `/api/v1/correspondence/${item.id}/attachments/${file.id}`,
    policies: attachmentPolicy.policiesFor(actor, item),
  };
}

/** The attachments of an item the actor sees, oldest first (keyset on the file id). */
export async function findAttachments(
  db: Queryable,
  actor: Actor,
  item: ItemRow,
  query: { limit: number; cursor?: string | undefined },
): Promise<{ data: TAttachment[]; nextCursor: string | null }> {
  const rows = await findFilesOf(
    db,
    actor.orgId,
    { kind: ITEM_FILES, id: item.id },
    {
      limit: query.limit + 1,
      after: uuidCursor(query.cursor),
    },
  );
  const page = rows.slice(0, query.limit);
  return {
    data: page.map((f) => presentAttachment(actor, item, f)),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
