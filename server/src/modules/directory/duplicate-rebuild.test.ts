import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createTestOrg, signIn, type TestApp, type TestOrg } from '../../../test/test-app';
import { queryRows } from '../../platform/db/client';
import { contactDuplicateCandidates, contactMatchKeys } from './contact-links.schema';
import { contactNames } from './contact-names';
import { contacts } from './directory.schema';
import { DUPLICATE_REBUILD_JOB, enqueueDuplicateRebuilds } from './duplicates/duplicate-rebuild-job';
import { nameKeyOf } from './duplicates/match-keys';
import { refreshCandidatesByKeys } from './duplicates/refresh-candidates-by-keys';
import { refreshDuplicateCandidates } from './duplicates/refresh-duplicate-candidates';

let t: TestApp;
let org: TestOrg;
let cookie: string;

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app, ['chief_of_staff']);
  cookie = await signIn(t.app, org.users.chief_of_staff);
});
afterAll(() => t.close());

interface Pair {
  contact: { id: string };
  duplicate: { id: string };
  reasons: string[];
}
const pairOf = (a: string, b: string) => [a, b].sort().join(' ');
const ids = (p: Pair) => pairOf(p.contact.id, p.duplicate.id);

async function listedPairs(): Promise<Pair[]> {
  const out: Pair[] = [];
  let cursor: string | null = null;
  do {
    const res = await as(t.app, cookie).get(
      `/api/v1/contacts/duplicates?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(res.statusCode).toBe(200);
    out.push(...res.json().data);
    cursor = res.json().nextCursor;
  } while (cursor);
  return out;
}

/** Contacts inserted as the demo seeders and migrations leave them: no keys, no candidates. */
async function insertBare(
  people: { firstName: string; lastName: string; email?: string; deleted?: boolean }[],
): Promise<string[]> {
  const rows = await t.app.ctx.db
    .insert(contacts)
    .values(
      people.map((p) => ({
        orgId: org.orgId,
        kind: 'person' as const,
        firstName: p.firstName,
        lastName: p.lastName,
        emails: p.email ? [{ label: 'Perso', email: p.email }] : [],
        deletedAt: p.deleted ? new Date() : null,
        ...contactNames({ kind: 'person', firstName: p.firstName, lastName: p.lastName }),
      })),
    )
    .returning({ id: contacts.id });
  return rows.map((r) => r.id);
}

async function anonymise(id: string): Promise<void> {
  await t.app.ctx.db
    .update(contacts)
    .set({
      anonymisedAt: new Date(),
      firstName: null,
      lastName: 'Contact anonymisé',
      emails: [],
      ...contactNames({ kind: 'person', firstName: null, lastName: 'Contact anonymisé' }),
    })
    .where(eq(contacts.id, id));
}

describe('the name key', () => {
  it('ignores accents, case and word order, and keeps kinds apart', () => {
    expect(nameKeyOf({ kind: 'person', displayName: 'Noëlla KALOI' })).toBe('name:person|kaloi noella');
    expect(nameKeyOf({ kind: 'person', displayName: 'Kaloi, Noella' })).toBe('name:person|kaloi noella');
    expect(nameKeyOf({ kind: 'organisation', displayName: 'Kaloi Noella' })).toBe('name:organisation|kaloi noella');
    expect(nameKeyOf({ kind: 'person', displayName: ' - ' })).toBeNull();
  });
});

describe('the rebuild of contacts without candidates', () => {
  it('is enqueued once at start, fills keys and candidates in batches, and leaves deleted contacts out', async () => {
    const [helene, heleneTyped, byEmailA, byEmailB, gone] = (await insertBare([
      { firstName: 'Hélène', lastName: 'Wéa' },
      { firstName: 'HELENE', lastName: 'WEA' },
      { firstName: 'Jean', lastName: 'Tein', email: 'jean.tein@example.nc' },
      { firstName: 'J.', lastName: 'Tein-Poadja', email: 'Jean.Tein@example.nc' },
      { firstName: 'Hélène', lastName: 'Wea', deleted: true },
    ])) as [string, string, string, string, string];
    expect(await listedPairs()).toEqual([]);

    expect(await enqueueDuplicateRebuilds(t.app.ctx.db)).toBe(1);
    // Starting again before it ran queues nothing more (idempotency key).
    expect(await enqueueDuplicateRebuilds(t.app.ctx.db)).toBe(0);
    const run = await t.app.ctx.jobs.runDue();
    expect(run.done).toBeGreaterThanOrEqual(1);

    const pairs = await listedPairs();
    expect(pairs.map(ids).sort()).toEqual([pairOf(helene, heleneTyped), pairOf(byEmailA, byEmailB)].sort());
    expect(pairs.find((p) => ids(p) === pairOf(byEmailA, byEmailB))?.reasons).toEqual(['email']);
    expect(pairs.find((p) => ids(p) === pairOf(helene, heleneTyped))?.reasons).toEqual(['name']);
    // The deleted contact got no keys; nothing is left to rebuild.
    const goneKeys = await t.app.ctx.db.select().from(contactMatchKeys).where(eq(contactMatchKeys.contactId, gone));
    expect(goneKeys).toEqual([]);
    expect(await enqueueDuplicateRebuilds(t.app.ctx.db)).toBe(0);
    const [queued] = await queryRows<{ n: number }>(
      t.app.ctx.db,
      sql`select count(*)::int as n from jobs where kind = ${DUPLICATE_REBUILD_JOB} and status = 'pending'`,
    );
    expect(queued?.n).toBe(0);
  });
});

describe('anonymised contacts', () => {
  it('are never proposed: not in the list, not in the live lookup, not by a refresh', async () => {
    const [a, b, c] = (await insertBare([
      { firstName: 'Sonia', lastName: 'Gorodey', email: 'sonia.g@example.nc' },
      { firstName: 'Sonia', lastName: 'Gorodey', email: 'sonia.g@example.nc' },
      { firstName: 'Régis', lastName: 'Ponga' },
    ])) as [string, string, string];
    await t.app.ctx.db.transaction((tx) => refreshCandidatesByKeys(tx, org.orgId, [a, b, c]));
    expect((await listedPairs()).map(ids)).toContain(pairOf(a, b));

    // b is anonymised (the anonymiser does not touch the candidates): its stale pair is hidden.
    await anonymise(b);
    expect((await listedPairs()).map(ids)).not.toContain(pairOf(a, b));
    const live = await as(t.app, cookie).get(`/api/v1/contacts/${a}/duplicates`);
    expect(live.statusCode).toBe(200);
    expect(live.json().data).toEqual([]);

    // Two shells both named « Contact anonymisé » are no pair, whichever refresh runs.
    await anonymise(c);
    await t.app.ctx.db.transaction((tx) => refreshCandidatesByKeys(tx, org.orgId, [b, c]));
    await t.app.ctx.db.transaction((tx) => refreshDuplicateCandidates(tx, org.orgId, [a, b, c]));
    const shells = await t.app.ctx.db
      .select()
      .from(contactDuplicateCandidates)
      .where(
        and(
          eq(contactDuplicateCandidates.orgId, org.orgId),
          sql`(${contactDuplicateCandidates.contactA} in (${b}, ${c}) or ${contactDuplicateCandidates.contactB} in (${b}, ${c}))`,
        ),
      );
    expect(shells).toEqual([]);
    const shellKeys = await t.app.ctx.db
      .select()
      .from(contactMatchKeys)
      .where(sql`${contactMatchKeys.contactId} in (${b}, ${c})`);
    expect(shellKeys).toEqual([]);
  });

  it('a new contact named like a shell is not paired with it', async () => {
    const [shell] = (await insertBare([{ firstName: 'Gaston', lastName: 'Tjibaou' }])) as [string];
    await anonymise(shell);
    const res = await as(t.app, cookie).post('/api/v1/contacts', {
      kind: 'person',
      lastName: 'Contact anonymisé',
    });
    expect(res.statusCode).toBe(201);
    const live = await as(t.app, cookie).get(`/api/v1/contacts/${res.json().id}/duplicates`);
    expect(live.statusCode).toBe(200);
    expect(live.json().data.map((p: Pair) => p.duplicate.id)).not.toContain(shell);
    expect((await listedPairs()).map(ids)).not.toContain(pairOf(shell, res.json().id));
  });
});

describe('the demo', () => {
  it('shows a real likely duplicate once the rebuild queued at start has run', async () => {
    const demo = await createTestApp({ demo: true, demoPassword: 'demo-password-for-tests' });
    try {
      const dircab = await signIn(demo.app, { email: 'dircab@mont-dore.example', password: 'demo-password-for-tests' });
      // The app's start queued the rebuild (the seeders insert in bulk, without keys).
      const [queued] = await queryRows<{ n: number }>(
        demo.app.ctx.db,
        sql`select count(*)::int as n from jobs where kind = ${DUPLICATE_REBUILD_JOB}`,
      );
      expect(queued?.n).toBeGreaterThanOrEqual(1);
      await demo.app.ctx.jobs.runDue();
      const res = await as(demo.app, dircab).get('/api/v1/contacts/duplicates?limit=50');
      expect(res.statusCode).toBe(200);
      const names = res
        .json()
        .data.map((p: { contact: { displayName: string }; duplicate: { displayName: string } }) =>
          [p.contact.displayName, p.duplicate.displayName].sort().join(' / '),
        );
      expect(names).toContain(['Hélène Wéa', 'HELENE WEA'].sort().join(' / '));
    } finally {
      await demo.close();
    }
  });
});
