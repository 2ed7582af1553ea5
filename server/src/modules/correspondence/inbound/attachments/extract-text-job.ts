import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../../../platform/audit/record-audit';
import type { Db } from '../../../../platform/db/client';
import { OCR_IMAGE_TYPES, OcrUnavailableError, recogniseText } from '../../../../platform/documents/ocr';
import { files } from '../../../../platform/files/files.schema';
import { MEDIA_TYPES } from '../../../../platform/files/sniff-media-type';
import type { JobRunner } from '../../../../platform/jobs/runner';
import { indexItem } from '../../commands/index-item';
import { correspondenceItems } from '../../correspondence.schema';
import { MAX_SEARCH_TEXT, pdfText } from './pdf-text';

export const EXTRACT_TEXT_JOB = 'correspondence.extract_text';

/**
 * `correspondence.extract_text` `{ orgId, itemId, fileId }`: reads a PDF attachment's text
 * layer, or, for a scanned image (PNG, JPEG, TIFF) or a PDF without one, recognises its text
 * with tesseract, then re-indexes its item with it. The work runs outside any transaction
 * (seconds for a long scan would hold PGlite's only one); the write is one short transaction.
 * Without tesseract on the server the file is marked read with no text and the item's history
 * says « OCR indisponible »: nothing breaks, nothing retries in a loop. Idempotent: a file
 * already read is skipped, a deleted one is nothing to do.
 */
export function registerExtractTextJob(jobs: JobRunner, db: Db) {
  jobs.register(EXTRACT_TEXT_JOB, async (payload) => {
    const orgId = String(payload.orgId);
    const fileId = String(payload.fileId);
    const [file] = await db
      .select({ content: files.content, ownerId: files.ownerId, mediaType: files.mediaType, filename: files.filename })
      .from(files)
      .where(and(eq(files.orgId, orgId), eq(files.id, fileId), isNull(files.textExtractedAt)));
    if (!file || !hasReadableText(file.mediaType)) return;
    let text = file.mediaType === MEDIA_TYPES.pdf ? await pdfText(file.content) : '';
    let ocrUnavailable: string | null = null;
    if (!text) {
      try {
        text = (await recogniseText(file.content, file.mediaType)).slice(0, MAX_SEARCH_TEXT);
      } catch (error) {
        if (!(error instanceof OcrUnavailableError)) throw error;
        ocrUnavailable = error.message;
      }
    }
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
      if (!item) return;
      await indexItem(tx, item);
      if (ocrUnavailable) {
        await recordAudit(
          tx,
          null,
          {
            action: 'correspondence.ocr_unavailable',
            recordType: 'correspondence',
            recordId: item.id,
            summary: { after: { fileId, filename: file.filename, reason: ocrUnavailable } },
          },
          orgId,
        );
      }
    });
  });
}

/** A PDF (text layer, else OCR) or a scanned image: the files whose words can be searched. */
export function hasReadableText(mediaType: string): boolean {
  return mediaType === MEDIA_TYPES.pdf || OCR_IMAGE_TYPES.includes(mediaType);
}
