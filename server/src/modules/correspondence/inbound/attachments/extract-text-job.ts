import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../../platform/db/client';
import { files } from '../../../../platform/files/files.schema';
import { MEDIA_TYPES } from '../../../../platform/files/sniff-media-type';
import type { JobRunner } from '../../../../platform/jobs/runner';
import { indexItem } from '../../commands/index-item';
import { correspondenceItems } from '../../correspondence.schema';
import { pdfText } from './pdf-text';

export const EXTRACT_TEXT_JOB = 'correspondence.extract_text';

/**
 * `correspondence.extract_text` `{ orgId, itemId, fileId }`: reads a PDF attachment's text
 * layer and re-indexes its item with it. The PDF is parsed outside any transaction (seconds
 * for a long scan would hold PGlite's only one); the write is one short transaction. Idempotent:
 * a file already extracted is skipped, a deleted one is nothing to do.
 */
export function registerExtractTextJob(jobs: JobRunner, db: Db) {
  jobs.register(EXTRACT_TEXT_JOB, async (payload) => {
    const orgId = String(payload.orgId);
    const fileId = String(payload.fileId);
    const [file] = await db
      .select({ content: files.content, ownerId: files.ownerId, mediaType: files.mediaType })
      .from(files)
      .where(and(eq(files.orgId, orgId), eq(files.id, fileId), isNull(files.textExtractedAt)));
    if (!file || file.mediaType !== MEDIA_TYPES.pdf) return;
    const text = await pdfText(file.content);
    await db.transaction(async (tx) => {
      const updated = await tx
        .update(files)
        .set({ extractedText: text || null, textExtractedAt: new Date() })
        .where(and(eq(files.orgId, orgId), eq(files.id, fileId), isNull(files.textExtractedAt)))
        .returning({ id: files.id });
      if (updated.length === 0) return;
      const [item] = await tx
        .select()
        .from(correspondenceItems)
        .where(and(eq(correspondenceItems.orgId, orgId), eq(correspondenceItems.id, file.ownerId)));
      if (item) await indexItem(tx, item);
    });
  });
}
