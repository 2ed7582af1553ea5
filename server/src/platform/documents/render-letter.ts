import { documentFlow, type TDocument } from './document';
import { writeDocx } from './docx-writer';
import { printable } from './html-subset';
import type { TFlow } from './layout';
import { letterFlow, type TLetter } from './letter';
import { writeOdt } from './odt-writer';
import { writePdf } from './pdf-writer';

export type TDocumentFormat = 'docx' | 'odt' | 'pdf';

export const DOCUMENT_FORMATS: readonly TDocumentFormat[] = ['docx', 'odt', 'pdf'];

export const DOCUMENT_MEDIA_TYPES: Record<TDocumentFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  pdf: 'application/pdf',
};

/** Text from a form or the directory may hold control characters XML cannot carry. */
function cleanFlow(flow: TFlow): TFlow {
  return {
    ...flow,
    title: printable(flow.title),
    blocks: flow.blocks.map((b) => {
      if (b.kind === 'paragraph') return { ...b, runs: b.runs.map((r) => ({ ...r, text: printable(r.text) })) };
      if (b.kind === 'list')
        return { ...b, items: b.items.map((item) => item.map((r) => ({ ...r, text: printable(r.text) }))) };
      return { ...b, columns: b.columns.map(printable), rows: b.rows.map((row) => row.map(printable)) };
    }),
  };
}

function write(flow: TFlow, format: TDocumentFormat): Promise<Buffer> {
  const clean = cleanFlow(flow);
  switch (format) {
    case 'docx':
      return writeDocx(clean);
    case 'odt':
      return writeOdt(clean);
    case 'pdf':
      return writePdf(clean);
  }
}

/** Prints a letter as DOCX, ODT or PDF: the same letter, laid out the same way, in each. */
export function renderLetter(letter: TLetter, format: TDocumentFormat): Promise<Buffer> {
  return write(letterFlow(letter), format);
}

/** Prints a multi-section document (a note, a weekly agenda, the register) as DOCX, ODT or PDF. */
export function renderDocument(doc: TDocument, format: TDocumentFormat): Promise<Buffer> {
  return write(documentFlow(doc), format);
}
