import { once } from 'node:events';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingStatements } from '../../../test/recording-db';
import { as, createTestOrg, openTestDatabase, signIn, type TestOrg, testConfig } from '../../../test/test-app';
import { buildApp } from '../../app';
import type { Database } from '../db/client';
import { SESSION_LISTENER_APPLICATION } from './session-change-listener';

// The session cache (session-cache.ts), counted by the session queries the server sends:
// kept between requests, emptied by a request that may write, by another connection's
// change once its notification is heard, and bypassed while the listener is down.

let database: Database;
let app: Awaited<ReturnType<typeof buildApp>>;
let org: TestOrg;
let statements: string[] = [];

const sessionReads = () => statements.filter((s) => /from sessions s join users u/.test(s)).length;
const me = (cookie: string) => as(app, cookie).get('/api/v1/me');
// Signing in writes sessions: on PostgreSQL its notification may come after the next request
// and empty the cache, so counting starts once it has been heard.
const changesHeard = () => app.sessionCache.listener.settled();
const tokenOf = (cookie: string) => decodeURIComponent(/session_token=([^;]+)/.exec(cookie)?.[1] ?? '').split('.')[0];

/** A statement from outside the app, as another server process or an operator would send it. */
async function elsewhere(text: string, params: unknown[]): Promise<void> {
  if (database.pglite) {
    // PGlite has one connection: the statement goes past the app, not past the engine.
    await database.pglite.query(text, params);
    return;
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query(text, params);
  } finally {
    await client.end();
  }
}

/** A signed-in user whose session the cache already holds. */
async function cachedSession(): Promise<{ cookie: string; userId: string }> {
  const user = (await createTestOrg(app, ['advisor'])).users.advisor;
  const cookie = await signIn(app, user);
  await changesHeard();
  expect((await me(cookie)).statusCode).toBe(200);
  statements = [];
  expect((await me(cookie)).statusCode).toBe(200);
  expect(sessionReads()).toBe(0);
  return { cookie, userId: user.id };
}

beforeAll(async () => {
  const opened = await openTestDatabase();
  database = { ...opened, db: recordingStatements(opened.db, opened.driver, (query) => statements.push(query)) };
  app = await buildApp(testConfig(), { database, logger: false });
  org = await createTestOrg(app, ['advisor']);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('session cache', () => {
  it('reads a session once for the requests that follow, and again after a request that may write', async () => {
    const cookie = await signIn(app, org.users.advisor);
    await changesHeard();
    statements = [];
    expect((await me(cookie)).statusCode).toBe(200);
    expect(sessionReads()).toBe(1);
    expect((await me(cookie)).statusCode).toBe(200);
    expect((await as(app, cookie).get('/api/v1/organisation')).statusCode).toBe(200);
    expect(sessionReads()).toBe(1);

    // Refused or not, a POST may have written: the next request reads the session again.
    const refused = await as(app, cookie).post('/api/v1/contacts', { kind: 'nothing' });
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    statements = [];
    expect((await me(cookie)).statusCode).toBe(200);
    expect(sessionReads()).toBe(1);
  });

  it('refuses an account disabled, or a session deleted, on another connection once the change is heard', async () => {
    const disabled = await cachedSession();
    await elsewhere('update users set disabled = true where id = $1', [disabled.userId]);
    await changesHeard();
    expect((await me(disabled.cookie)).statusCode).toBe(401);
    expect(sessionReads()).toBe(1);

    const deleted = await cachedSession();
    await elsewhere('delete from sessions where token = $1', [tokenOf(deleted.cookie)]);
    await changesHeard();
    expect((await me(deleted.cookie)).statusCode).toBe(401);
  });

  it.skipIf(!process.env.DATABASE_URL)(
    'reads every session from the database while the listener is down, and keeps them again once it is back',
    async () => {
      const { cookie } = await cachedSession();
      const listener = app.sessionCache.listener;
      const lost = once(listener, 'lost');
      const back = once(listener, 'listening');
      await elsewhere(
        'select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1 and datname = current_database()',
        [SESSION_LISTENER_APPLICATION],
      );
      await lost;
      expect(app.sessionCache.cache.trusted).toBe(false);
      // Until it is back, and on the first request after (the cache comes back empty), each
      // request reads its session.
      statements = [];
      expect((await me(cookie)).statusCode).toBe(200);
      expect((await me(cookie)).statusCode).toBe(200);
      expect(sessionReads()).toBe(2);

      await back;
      statements = [];
      expect((await me(cookie)).statusCode).toBe(200);
      expect((await me(cookie)).statusCode).toBe(200);
      expect(sessionReads()).toBe(1);

      // The new connection listens: another connection's change is heard again.
      const again = await cachedSession();
      await elsewhere('update users set disabled = true where id = $1', [again.userId]);
      await changesHeard();
      expect((await me(again.cookie)).statusCode).toBe(401);
    },
  );
});
