import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../../../platform/db/client';
import { files } from '../../../../platform/files/files.schema';
import { searchIndex } from '../../../../platform/search/search.schema';
import { indexItem } from '../../commands/index-item';
import type { ItemRow } from '../../commands/register-correspondence';
import { MAX_SEARCH_TEXT } from './pdf-text';

/** The owner kind of an item's files. */
export const ITEM_FILES = 'correspondence';

/**
 * The text extracted from an item's attachments, for its search entry ('' when none). For
 * `indexItem` to append to the entry's body, so a re-index (an edit, a routing) keeps it.
 */
export async function attachmentSearchText(tx: Queryable, orgId: string, itemId: string): Promise<string> {
  const rows = await tx
    .select({ text: files.extractedText })
    .from(files)
    .where(
      and(
        eq(files.orgId, orgId),
        eq(files.ownerKind, ITEM_FILES),
        eq(files.ownerId, itemId),
        isNotNull(files.extractedText),
      ),
    )
    .orderBy(asc(files.id));
  return rows
    .map((r) => r.text ?? '')
    .filter(Boolean)
    .join('\n')
    .slice(0, MAX_SEARCH_TEXT);
}

/**
 * Re-indexes an item with its attachments' text after the body (same kind, title, url,
 * confidentiality and audience as `indexItem` writes, since it is `indexItem` that writes them).
 */
export async function indexItemWithAttachments(tx: Queryable, item: ItemRow): Promise<void> {
  await indexItem(tx, item);
  const text = await attachmentSearchText(tx, item.orgId, item.id);
  if (!text) return;
  await tx
    .update(searchIndex)
    .set({ body: sql`${searchIndex.body} || ${`\n${text}`}` })
    .where(and(eq(searchIndex.orgId, item.orgId), eq(searchIndex.kind, 'mail'), eq(searchIndex.recordId, item.id)));
}
