import { extractText, getDocumentProxy } from 'unpdf';

/** What one item's attachments may add to its search entry (a tsvector stays far below its 1 MB limit). */
export const MAX_SEARCH_TEXT = 200_000;

/**
 * The text layer of a PDF (a scanner's OCR, a word processor's export), pages joined, spaces
 * tidied; empty when it has none (an image-only scan). pdf.js through unpdf: pure JavaScript.
 */
export async function pdfText(content: Uint8Array): Promise<string> {
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const pdf = await getDocumentProxy(new Uint8Array(content));
  try {
    const { text } = await extractText(pdf, { mergePages: true });
    return text
      .replace(/[ \t\u00a0]+/g, ' ')
      .replace(/\s*\n\s*/g, '\n')
      .trim()
      .slice(0, MAX_SEARCH_TEXT);
  } finally {
    // Frees the parsed document (fonts, pages) at once rather than at the next GC.
    await pdf.cleanup();
  }
}
