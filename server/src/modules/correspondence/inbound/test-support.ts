import type { FastifyInstance } from 'fastify';
import PDFDocument from 'pdfkit';
import { BASE_URL } from '../../../../test/test-app';

export interface TestFile {
  name: string;
  content: Buffer;
  /** What the client claims; the server sniffs anyway. */
  type?: string;
}

/** A multipart/form-data body as a browser's FormData sends it. */
export function multipart(fields: Record<string, string>, files: TestFile[] = []) {
  const boundary = '----dircab-inbound-test';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      f.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Posts a multipart form as a signed-in user. */
export function postForm(
  app: FastifyInstance,
  cookie: string,
  url: string,
  fields: Record<string, string>,
  files: TestFile[] = [],
) {
  const body = multipart(fields, files);
  return app.inject({
    method: 'POST',
    url,
    headers: { cookie, origin: BASE_URL, ...body.headers },
    payload: body.payload,
  });
}

/** A PDF whose text layer holds these lines, one page each (pdfkit, as a scanner's OCR would). */
export async function pdfWithText(...pages: string[]): Promise<Buffer> {
  const doc = new PDFDocument({ compress: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  pages.forEach((text, i) => {
    if (i > 0) doc.addPage();
    doc.text(text);
  });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** A 1×1 PNG. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
