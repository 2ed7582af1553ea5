import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';

// Helmet's headers, as the town hall's browser gets them on every answer: an API route, a
// page of the web app and an unknown address. Written against @fastify/helmet's answers before
// its replacement, so the change of plugin changed no header.
const EXPECTED = {
  'content-security-policy':
    "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline'",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('are sent on an API answer, an error and an unknown address, without HSTS over plain http', async () => {
    for (const url of ['/api/health', '/api/v1/me', '/api/v1/nowhere']) {
      const response = await t.app.inject({ method: 'GET', url });
      for (const [name, value] of Object.entries(EXPECTED))
        expect(response.headers[name], `${url} ${name}`).toBe(value);
      expect(response.headers['strict-transport-security']).toBeUndefined();
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('add HSTS and the upgrade of insecure requests when Dircab is served over https', async () => {
    const secure = await createTestApp({ baseUrl: 'https://dircab.mairie.example' });
    try {
      const response = await secure.app.inject({ method: 'GET', url: '/api/health' });
      expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(response.headers['content-security-policy']).toBe(
        `${EXPECTED['content-security-policy']};upgrade-insecure-requests`,
      );
    } finally {
      await secure.close();
    }
  });
});
