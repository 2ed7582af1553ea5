import { inflateSync } from 'node:zlib';

/** Windows-1252's 0x80–0x9f, the part where it differs from Latin-1 (PDF's WinAnsiEncoding). */
const WIN_ANSI_80 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWinAnsi(hex: string): string {
  let out = '';
  for (let i = 0; i + 1 < hex.length; i += 2) {
    const code = Number.parseInt(hex.slice(i, i + 2), 16);
    out += code >= 0x80 && code <= 0x9f ? WIN_ANSI_80[code - 0x80] : String.fromCharCode(code);
  }
  return out;
}

/**
 * A content stream inflated. Compressed bytes may well end in 0x0d: pdfkit ends the data with
 * "\n" only, so a "\r" before it is data unless the stream does not inflate with it.
 */
function inflated(data: string): string {
  for (const candidate of [data, data.replace(/\r$/, '')]) {
    try {
      return inflateSync(Buffer.from(candidate, 'latin1')).toString('latin1');
    } catch {
      // Not compressed, or the "\r" was the line end after all.
    }
  }
  return data;
}

/**
 * The text of a PDF written by pdf-writer.ts (pdfkit, standard fonts): its content streams
 * inflated, the hex strings of each TJ decoded as WinAnsi, one line per text object. A large
 * gap inside a TJ (justified text spreads words that way) counts as a space. Meant for tests
 * and checks of our own PDFs, not for PDFs from elsewhere.
 */
export function extractPdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const lines: string[] = [];
  for (const m of source.matchAll(/stream\r?\n([\s\S]*?)\nendstream/g)) {
    const content = inflated(m[1] ?? '');
    for (const tj of content.matchAll(/\[((?:<[0-9a-fA-F]*>|\s|-?[\d.]+)*)\]\s*TJ/g)) {
      let line = '';
      for (const part of (tj[1] ?? '').matchAll(/<([0-9a-fA-F]*)>|(-?[\d.]+)/g)) {
        if (part[1] !== undefined) line += decodeWinAnsi(part[1]);
        else if (Number(part[2]) < -150) line += ' ';
      }
      lines.push(line);
    }
  }
  return lines.join('\n');
}
