import type { FastifyInstance } from 'fastify';
import { BASE_URL } from '../../../../test/test-app';

// An import upload as a browser's FormData sends it, for the tests of other folders
// (privacy, timeline) that need to import a file through the real route.

export type UploadFile = { name: string; content: Buffer | string; type?: string };

/** POST /api/v1/imports with these fields and file, as the user of the cookie. */
export function uploadImport(app: FastifyInstance, cookie: string, fields: Record<string, string>, file: UploadFile) {
  const boundary = '----dircab-test-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'text/csv'}\r\n\r\n`,
    ),
    Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content, 'utf8'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return app.inject({
    method: 'POST',
    url: '/api/v1/imports',
    headers: { cookie, origin: BASE_URL, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat(parts),
  });
}
