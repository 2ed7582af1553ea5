// Measures one inbox page of 50 rows written by zod encode + JSON.stringify (the former
// serializer) and by the compiled fast-json-stringify writer. Not a test: timings depend on
// the machine. Run: `npx tsx bench/src/response-serializer-page.ts`.
import { performance } from 'node:perf_hooks';
import { ZCorrespondencePage } from '@dircab/contracts';
import { compileResponseSchema, serializeWithZod } from '../../server/src/platform/http/response-serializer';
import { as, createTestApp, signIn } from '../../server/test/test-app';

const password = 'demo-password-for-measure';
const t = await createTestApp({ demo: true, demoPassword: password });
let page: { data: unknown[] } | undefined;
// The presenter's own data, before any serializer touches it.
t.app.addHook('preSerialization', async (request, _reply, payload) => {
  if (request.routeOptions.url === '/api/v1/correspondence') page = payload as { data: unknown[] };
  return payload;
});
await t.app.ready();
const dircab = as(t.app, await signIn(t.app, { email: 'dircab@mont-dore.example', password }));
await dircab.get('/api/v1/correspondence?limit=50');
await t.close();
if (!page) throw new Error('no inbox page captured');
// The demo may hold fewer than 50 mails: repeat its rows to a full page.
const rows = page.data;
const data = { ...page, data: Array.from({ length: 50 }, (_, i) => rows[i % rows.length]) };

const fast = compileResponseSchema(ZCorrespondencePage).fast;
if (!fast) throw new Error('the inbox page schema did not compile');
const zod = (d: unknown) => serializeWithZod(ZCorrespondencePage, d, 'GET', '/api/v1/correspondence');

function microsPerCall(write: (d: unknown) => string): number {
  for (let i = 0; i < 500; i++) write(data);
  const runs = 3000;
  const start = performance.now();
  for (let i = 0; i < runs; i++) write(data);
  return ((performance.now() - start) * 1000) / runs;
}

const bytes = Buffer.byteLength(fast(data));
console.log(`inbox page: ${data.data.length} rows (${rows.length} distinct), ${bytes} bytes of JSON`);
for (let round = 1; round <= 3; round++) {
  console.log(
    `round ${round}: zod encode + JSON.stringify ${microsPerCall(zod).toFixed(1)} µs/page, fast-json-stringify ${microsPerCall(fast).toFixed(1)} µs/page, bare JSON.stringify (no contract) ${microsPerCall((d) => JSON.stringify(d)).toFixed(1)} µs/page`,
  );
}
