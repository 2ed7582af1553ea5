import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROLES, type TCreateMember, type TRole } from '@dircab/contracts';
import { hashPassword } from 'better-auth/crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app';
import { createMember } from '../src/modules/org/commands/create-member';
import { organisations } from '../src/modules/org/org.schema';
import { type AppConfig, VERSION } from '../src/platform/config/config';
import { type Database, openDatabase, queryRows } from '../src/platform/db/client';
import { applyMigrations, MIGRATIONS_FOLDER } from '../src/platform/db/migrate';
import { createScratchDatabase, dropScratchDatabase } from './scratch-database';

export const BASE_URL = 'http://localhost:3000';

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: '/nonexistent',
    databaseUrl: process.env.DATABASE_URL || undefined,
    demo: false,
    demoProfile: 'commune',
    demoPassword: undefined,
    baseUrl: BASE_URL,
    secret: 'test-secret-test-secret-test-secret-0123456789',
    signInLimit: 1000,
    trustProxy: false,
    webDist: undefined,
    logLevel: 'silent',
    version: VERSION,
    rememberPasswordChecks: true,
    ...overrides,
  };
}

/**
 * A dump of an empty PGlite database with every migration applied, made once per set of
 * migrations and kept in the temporary folder: a test file then starts from it in about a
 * second instead of creating the engine and migrating (about five), which is most of the
 * suite's time once it has a hundred files. The key is a hash of the migrations, so a new
 * or edited migration makes a new template; two workers racing write the same bytes, and
 * the rename makes each write whole.
 */
async function migratedTemplate(): Promise<Blob> {
  const hash = createHash('sha256');
  for (const name of readdirSync(MIGRATIONS_FOLDER, { recursive: true }).map(String).sort()) {
    const path = join(MIGRATIONS_FOLDER, name);
    if (statSync(path).isFile()) hash.update(name).update(readFileSync(path));
  }
  const file = join(tmpdir(), `dircab-test-template-${hash.digest('hex').slice(0, 16)}.tar.gz`);
  if (!existsSync(file)) {
    const database = await openDatabase({});
    try {
      await applyMigrations(database);
      const dump = await database.pglite?.dumpDataDir('gzip');
      if (!dump) throw new Error('PGlite dump failed');
      const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
      writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
      renameSync(partial, file);
    } finally {
      await database.close();
    }
  }
  return new Blob([readFileSync(file)]);
}

/**
 * A fresh database for one test file: PGlite in memory by default, a new PostgreSQL
 * database when DATABASE_URL is set (dropped on close).
 */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) return openDatabase({ loadDataDir: await migratedTemplate() });
  const scratch = await createScratchDatabase(url, 'dircab_test');
  const database = await openDatabase({ databaseUrl: scratch.url });
  const close = database.close;
  return {
    ...database,
    close: async () => {
      await close();
      await dropScratchDatabase(url, scratch.name);
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function createTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const app = await buildApp(testConfig(overrides), { database, logger: false });
  return {
    app,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: TRole;
  name: string;
}

export interface TestOrg {
  orgId: string;
  /** One user per role, by role. */
  users: Record<TRole, TestUser>;
}

let counter = 0;
let passwordHash: string | undefined;
export const PASSWORD = 'correct-horse-battery-staple';

/** A new organisation with one member per role (factories: no shared fixtures). */
export async function createTestOrg(app: FastifyInstance, roles: readonly TRole[] = ROLES): Promise<TestOrg> {
  const n = ++counter;
  const tag = randomBytes(3).toString('hex');
  const { db } = app.ctx;
  passwordHash ??= await hashPassword(PASSWORD);
  const hash = passwordHash;
  return db.transaction(async (tx) => {
    const [org] = await tx
      .insert(organisations)
      .values({
        slug: `org-${tag}-${n}`,
        name: `Commune test ${n}`,
        kind: 'commune',
        officialCode: `9${String(n).padStart(4, '0')}`,
        timeZone: 'Pacific/Noumea',
        currency: 'XPF',
        locale: 'fr-NC',
      })
      .returning();
    if (!org) throw new Error('org not created');
    const users = {} as Record<TRole, TestUser>;
    for (const role of roles) {
      const input: TCreateMember = {
        name: `Test ${role} ${n}`,
        email: `${role}.${tag}.${n}@test.example`,
        role,
        password: PASSWORD,
      };
      const { userId } = await createMember(tx, null, org.id, input, { passwordHash: hash });
      users[role] = { id: userId, email: input.email, password: PASSWORD, role, name: input.name };
    }
    return { orgId: org.id, users };
  });
}

/** Signs in through the real better-auth route; returns the Cookie header to send. */
export async function signIn(app: FastifyInstance, user: { email: string; password: string }): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    payload: { email: user.email, password: user.password },
    headers: { origin: BASE_URL },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  return cookieFrom(res);
}

export function cookieFrom(res: LightMyRequestResponse): string {
  const raw = res.headers['set-cookie'];
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return list.map((c) => c.split(';')[0]).join('; ');
}

/** A request as a signed-in user (JSON body, same-origin). */
export function as(app: FastifyInstance, cookie: string) {
  const call = (method: InjectOptions['method'], url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: { cookie, origin: BASE_URL, ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
    });
  return {
    get: (url: string) => call('GET', url),
    post: (url: string, body?: unknown) => call('POST', url, body ?? {}),
    put: (url: string, body?: unknown) => call('PUT', url, body ?? {}),
    patch: (url: string, body?: unknown) => call('PATCH', url, body ?? {}),
    delete: (url: string) => call('DELETE', url),
  };
}

/** Counts rows of a table, to prove a failed request wrote nothing. */
export async function countRows(app: FastifyInstance, table: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(app.ctx.db, sql.raw(`select count(*)::int as n from ${table}`));
  return row?.n ?? 0;
}
