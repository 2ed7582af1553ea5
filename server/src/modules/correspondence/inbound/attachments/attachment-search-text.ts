import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Queryable } from '../../../../platform/db/client';
import { files } from '../../../../platform/files/files.schema';
import { MAX_SEARCH_TEXT } from './pdf-text';

/** The owner kind of an item's files. */
export const ITEM_FILES = 'correspondence';

/**
 * The text extracted from an item's attachments, for its search entry ('' when none). For
 * `indexItem`, which appends it to the entry's body.
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
