import { unzipSync } from 'fflate';

export const MEDIA_TYPES = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  tiff: 'image/tiff',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  eml: 'message/rfc822',
} as const;

/** What nothing recognised becomes: served only as a download, never rendered. */
export const UNKNOWN_MEDIA_TYPE = 'application/octet-stream';

const startsWith = (buf: Uint8Array, bytes: readonly number[], at = 0) =>
  buf.length >= at + bytes.length && bytes.every((b, i) => buf[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/**
 * The media type of a file from its first bytes (magic numbers), never from the client's
 * word or the file name: a "PDF" that is an HTML page must not be served as one.
 * Null when it is none of the types Dircab reads.
 */
export function sniffMediaType(content: Uint8Array): string | null {
  if (startsWith(content, ascii('%PDF-'))) return MEDIA_TYPES.pdf;
  if (startsWith(content, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return MEDIA_TYPES.png;
  if (startsWith(content, [0xff, 0xd8, 0xff])) return MEDIA_TYPES.jpeg;
  if (startsWith(content, [0x49, 0x49, 0x2a, 0x00]) || startsWith(content, [0x4d, 0x4d, 0x00, 0x2a])) {
    return MEDIA_TYPES.tiff;
  }
  if (startsWith(content, [0x50, 0x4b, 0x03, 0x04])) return officeDocumentType(content);
  if (looksLikeEmail(content)) return MEDIA_TYPES.eml;
  return null;
}

/** DOCX and ODT are zip archives: ODT names itself in a first stored `mimetype` entry, DOCX has `word/`. */
function officeDocumentType(content: Uint8Array): string | null {
  // ODF: the first local header's name (offset 30) is `mimetype`, stored, its content follows.
  if (startsWith(content, ascii('mimetype'), 30) && startsWith(content, ascii(MEDIA_TYPES.odt), 38)) {
    return MEDIA_TYPES.odt;
  }
  const names: string[] = [];
  try {
    // The filter lists the central directory and decompresses nothing.
    unzipSync(content, {
      filter: (file) => {
        names.push(file.name);
        return false;
      },
    });
  } catch {
    return null;
  }
  return names.includes('[Content_Types].xml') && names.some((n) => n.startsWith('word/')) ? MEDIA_TYPES.docx : null;
}

const HEADER_LINE = /^[A-Za-z0-9-]+:[ \t]?/;
const MAIL_HEADERS = /^(from|received|return-path|message-id|mime-version|date|subject|to|delivered-to):/i;

/** RFC 822 text: no NUL byte, header lines up to the first blank line, among them a mail header. */
function looksLikeEmail(content: Uint8Array): boolean {
  const head = Buffer.from(content.subarray(0, 8192)).toString('latin1');
  if (head.includes('\u0000')) return false;
  const lines = head.split(/\r?\n/);
  let mailHeaders = 0;
  for (const [i, line] of lines.entries()) {
    if (line === '') return i > 0 && mailHeaders >= 2;
    if (/^[ \t]/.test(line)) {
      if (i === 0) return false;
      continue; // a folded header's continuation
    }
    if (!HEADER_LINE.test(line)) return false;
    if (MAIL_HEADERS.test(line)) mailHeaders++;
  }
  return mailHeaders >= 2;
}
