import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { attachmentDisposition, safeFilename } from './safe-filename';
import { MEDIA_TYPES, sniffMediaType } from './sniff-media-type';

const bytes = (...b: number[]) => Uint8Array.from([...b, ...new Array(16).fill(0)]);
const odt = () => {
  // ODF puts a stored `mimetype` entry first, so its name and content sit at fixed offsets.
  return zipSync(
    { mimetype: [strToU8(MEDIA_TYPES.odt), { level: 0 }], 'content.xml': strToU8('<office:document-content/>') },
    {},
  );
};

describe('media type sniffing', () => {
  it('reads the types Dircab keeps from their first bytes', () => {
    expect(sniffMediaType(strToU8('%PDF-1.7\n%âãÏÓ\n'))).toBe(MEDIA_TYPES.pdf);
    expect(sniffMediaType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe(MEDIA_TYPES.png);
    expect(sniffMediaType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe(MEDIA_TYPES.jpeg);
    expect(sniffMediaType(bytes(0x49, 0x49, 0x2a, 0x00))).toBe(MEDIA_TYPES.tiff);
    expect(sniffMediaType(bytes(0x4d, 0x4d, 0x00, 0x2a))).toBe(MEDIA_TYPES.tiff);
    const docx = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'word/document.xml': strToU8('<w:document/>'),
    });
    expect(sniffMediaType(docx)).toBe(MEDIA_TYPES.docx);
    expect(sniffMediaType(odt())).toBe(MEDIA_TYPES.odt);
    const eml = 'Received: from x\r\n\tby y\r\nFrom: a@b.fr\r\nSubject: Bonjour\r\n\r\nCorps';
    expect(sniffMediaType(strToU8(eml))).toBe(MEDIA_TYPES.eml);
  });

  it('never takes a name or a claim for the content: HTML, scripts, other archives and plain text are unknown', () => {
    expect(sniffMediaType(strToU8('<!doctype html><script>alert(1)</script>'))).toBeNull();
    expect(sniffMediaType(strToU8('Nom;Prénom\nWéa;Hélène\n'))).toBeNull();
    expect(sniffMediaType(zipSync({ 'a.txt': strToU8('x') }))).toBeNull();
    expect(sniffMediaType(strToU8('PK\u0003\u0004 broken zip'))).toBeNull();
    // Header-like lines without mail headers are not a message.
    expect(sniffMediaType(strToU8('Key: value\r\nOther: value\r\n\r\nbody'))).toBeNull();
    expect(sniffMediaType(new Uint8Array())).toBeNull();
  });
});

describe('file names', () => {
  it('keeps the name, not its folders, controls or quotes', () => {
    expect(safeFilename('Lettre de Mme Wéa.pdf')).toBe('Lettre de Mme Wéa.pdf');
    expect(safeFilename('../../etc/passwd')).toBe('passwd');
    expect(safeFilename('C:\\Users\\x\\scan "1".pdf')).toBe('scan _1_.pdf');
    expect(safeFilename('a\r\nb.pdf')).toBe('a__b.pdf');
    expect(safeFilename('..')).toBe('fichier');
    expect(safeFilename(undefined)).toBe('fichier');
    const long = safeFilename(`${'x'.repeat(300)}.pdf`);
    expect(long).toHaveLength(150);
    expect(long.endsWith('.pdf')).toBe(true);
  });

  it('sends an ASCII fallback and the exact name (RFC 5987), always as an attachment', () => {
    expect(attachmentDisposition('Pétition n°2.pdf')).toBe(
      `attachment; filename="Petition n_2.pdf"; filename*=UTF-8''P%C3%A9tition%20n%C2%B02.pdf`,
    );
  });
});
