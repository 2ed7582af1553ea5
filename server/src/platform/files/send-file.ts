import type { FastifyReply } from 'fastify';
import type { FileRow } from './files.schema';
import { attachmentDisposition } from './safe-filename';

/**
 * Sends a stored file as a download: its sniffed type, `attachment` so the browser never
 * renders it in Dircab's origin, `nosniff` so it never guesses another type, and no caching
 * by shared caches (the content is a citizen's letter).
 */
export function sendStoredFile(reply: FastifyReply, file: FileRow) {
  return reply
    .header('content-type', file.mediaType)
    .header('content-disposition', attachmentDisposition(file.filename))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .send(file.content);
}
