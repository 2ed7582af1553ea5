import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createTestOrg, signIn, type TestApp, type TestOrg } from '../../../test/test-app';
import { signalAlertsChanged } from './alert-signals';
import { startPostgresAlertBus } from './postgres-alert-bus';

// Alerts across several server processes (issue 6): on PostgreSQL the signal goes through
// LISTEN/NOTIFY; on PGlite (one process) it stays in-process.

let t: TestApp;
let org: TestOrg;
let cookie: string;

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app, ['executive', 'chief_of_staff']);
  cookie = await signIn(t.app, org.users.executive);
});
afterAll(() => t.close());

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(test: () => boolean, ms = 5000): Promise<void> {
  for (let waited = 0; !test(); waited += 20) {
    if (waited > ms) throw new Error('never happened');
    await wait(20);
  }
}

/** The stream of the app under test, over a real connection. */
async function openStream(): Promise<{ text: () => string; close: () => void }> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const port = (t.app.server.address() as AddressInfo).port;
  let text = '';
  const req = httpRequest(
    `http://127.0.0.1:${port}/api/v1/alerts/stream`,
    { headers: { cookie, accept: 'text/event-stream' } },
    (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('error', () => {});
    },
  );
  req.on('error', () => {});
  req.end();
  await until(() => text.includes('event: ready'));
  return { text: () => text, close: () => req.destroy() };
}

describe.skipIf(!process.env.DATABASE_URL)('on PostgreSQL', () => {
  it('two listeners (two processes) both hear a signal published by either, and only the organisation id travels', async () => {
    const appPool = (t.app.ctx.database.db as unknown as { $client: pg.Pool }).$client;
    // Each "process" has its own pool on the same database, as two servers would.
    const pools = [0, 1].map(() => new pg.Pool({ connectionString: appPool.options.connectionString, max: 2 }));
    const heard: string[][] = [[], []];
    const buses = await Promise.all(
      pools.map((pool, i) => startPostgresAlertBus({ pool, onSignal: (orgId) => heard[i]?.push(orgId) })),
    );
    try {
      await buses[0]?.publish(org.orgId);
      await until(() => heard.every((h) => h.length === 1));
      await buses[1]?.publish('another-org');
      await until(() => heard.every((h) => h.length === 2));
      expect(heard).toEqual([
        [org.orgId, 'another-org'],
        [org.orgId, 'another-org'],
      ]);
      // Closed, a bus hears nothing more and gives its connection back.
      await buses[1]?.close();
      await buses[0]?.publish(org.orgId);
      await until(() => heard[0]?.length === 3);
      await wait(150);
      expect(heard[1]).toHaveLength(2);
      expect(pools[1]?.totalCount).toBe(pools[1]?.idleCount);
    } finally {
      for (const bus of buses) await bus?.close();
      for (const pool of pools) await pool.end();
    }
  });

  it('a change published by another process reaches the streams open on this one', async () => {
    const stream = await openStream();
    const appPool = (t.app.ctx.database.db as unknown as { $client: pg.Pool }).$client;
    const otherProcess = new pg.Pool({ connectionString: appPool.options.connectionString, max: 4 });
    const bus = await startPostgresAlertBus({ pool: otherProcess, onSignal: () => {} });
    try {
      await bus.publish(org.orgId);
      await until(() => stream.text().includes('event: alerts'));
      // And this process's own signals go through PostgreSQL too: the other process hears them.
      const heard: string[] = [];
      const listener = await startPostgresAlertBus({ pool: otherProcess, onSignal: (id) => heard.push(id) });
      signalAlertsChanged(org.orgId);
      await until(() => heard.includes(org.orgId));
      await listener.close();
    } finally {
      stream.close();
      await bus.close();
      await otherProcess.end();
    }
  });
});

describe.skipIf(!!process.env.DATABASE_URL)('on PGlite', () => {
  it('signals the streams in-process, a change of the organisation reaching them after the commit', async () => {
    const stream = await openStream();
    try {
      const c = await as(t.app, await signIn(t.app, org.users.chief_of_staff)).post('/api/v1/cases', {
        kind: 'other',
        title: 'Signal local',
        confidentiality: 'normal',
      });
      expect(c.statusCode, c.body).toBe(201);
      expect(stream.text()).not.toContain('event: alerts');
      signalAlertsChanged(org.orgId);
      await until(() => stream.text().includes('event: alerts'));
    } finally {
      stream.close();
    }
  });
});
