import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES, type TRole } from '@dircab/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createTestOrg, signIn, type TestApp, type TestOrg } from '../../../test/test-app';
import { queryRows } from '../../platform/db/client';
import { MIGRATIONS_FOLDER } from '../../platform/db/migrate';
import type { Actor } from '../../platform/policy/actor';
import { decisionsOfCase } from './decision-registrations';

let t: TestApp;
let org: TestOrg;
const cookies = {} as Record<TRole, string>;
const api = (role: TRole) => as(t.app, cookies[role]);

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
});
afterAll(() => t.close());

async function searchHits(role: TRole, q: string) {
  const res = await api(role).get(`/api/v1/search?q=${encodeURIComponent(q)}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().groups as { kind: string; hits: { recordId: string; url: string }[] }[]).flatMap((g) =>
    g.hits.map((h) => ({ ...h, kind: g.kind })),
  );
}

/** Every plan node of an EXPLAIN (format json) answer. */
function planNodes(raw: unknown): Record<string, unknown>[] {
  const nodes: Record<string, unknown>[] = [];
  const walk = (n: Record<string, unknown>) => {
    nodes.push(n);
    for (const child of (n.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
  };
  walk(((typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: Record<string, unknown> }[])[0]?.Plan ?? {});
  return nodes;
}

describe('decisions found by the search', () => {
  it('open at /notes/decisions/:id, the page the web serves', async () => {
    const res = await api('chief_of_staff').post('/api/v1/decisions', {
      title: 'Éclairage du terrain de football de Tina',
      decidedById: org.users.executive.id,
      decidedOn: '2026-11-20',
      actions: [],
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    const hit = (await searchHits('chief_of_staff', 'éclairage terrain Tina')).find((h) => h.recordId === id);
    expect(hit?.kind).toBe('decision');
    expect(hit?.url).toBe(`/notes/decisions/${id}`);
  });

  it('have their old /decisions/:id links rewritten by the migration, and nothing else', async () => {
    const res = await api('chief_of_staff').post('/api/v1/decisions', {
      title: 'Ouverture du marché de Rivière-Salée le dimanche',
      decidedById: org.users.executive.id,
      decidedOn: '2026-11-21',
      actions: [],
    });
    const id = res.json().id as string;
    const { db } = t.app.ctx;
    // A row as the old code wrote it, and another kind whose link merely looks alike.
    await db.execute(sql`update search_index set url = ${`/decisions/${id}`} where record_id = ${id}`);
    await db.execute(sql`insert into search_index (org_id, kind, record_id, title, body, url, confidentiality)
      values (${org.orgId}, 'note', 'note-x', 'Note', '', '/decisions/note-x', 'normal')`);
    const migration = readFileSync(join(MIGRATIONS_FOLDER, '0031_decision_search_links.sql'), 'utf8');
    await db.execute(sql.raw(migration));
    const rows = await queryRows<{ kind: string; url: string }>(
      db,
      sql`select kind, url from search_index where record_id in (${id}, 'note-x') order by kind`,
    );
    expect(rows).toEqual([
      { kind: 'decision', url: `/notes/decisions/${id}` },
      { kind: 'note', url: '/decisions/note-x' },
    ]);
    expect((await searchHits('chief_of_staff', 'marché Rivière-Salée')).find((h) => h.recordId === id)?.url).toBe(
      `/notes/decisions/${id}`,
    );
  });
});

describe('a case timeline’s decisions', () => {
  it('are one range of decisions_org_case_idx, not a walk through the organisation’s decisions', async () => {
    const { db } = t.app.ctx;
    // 6,000 decisions over 600 cases: the organisation's years of arbitrations.
    await db.execute(sql`insert into decisions (id, org_id, title, decided_on, case_id)
      select gen_random_uuid(), ${org.orgId}, 'Décision ' || n, date '2026-01-01' + (n % 300),
             ('00000000-0000-4000-8000-' || lpad((n % 600)::text, 12, '0'))::uuid
      from generate_series(1, 6000) n`);
    await db.execute(sql`analyze decisions`);
    const caseId = '00000000-0000-4000-8000-000000000007';
    const actor: Actor = {
      userId: org.users.chief_of_staff.id,
      name: '',
      email: '',
      orgId: org.orgId,
      role: 'chief_of_staff',
      sessionId: 'test',
      ip: '',
    };
    const found = await decisionsOfCase(db, actor, caseId, null, 20);
    expect(found).toHaveLength(10);
    const statement = decisionsOfCase(db, actor, caseId, null, 20).toSQL();
    const client = (db as unknown as { $client: { query(q: string, p: unknown[]): Promise<{ rows: unknown[] }> } })
      .$client;
    const plan = await client.query(`explain (analyze, format json) ${statement.sql}`, statement.params);
    const nodes = planNodes((plan.rows[0] as Record<string, unknown>)['QUERY PLAN']);
    expect(nodes.some((n) => n['Index Name'] === 'decisions_org_case_idx')).toBe(true);
    const read = nodes
      .filter((n) => n['Relation Name'] === 'decisions')
      .reduce((sum, n) => sum + Number(n['Actual Rows'] ?? 0) + Number(n['Rows Removed by Filter'] ?? 0), 0);
    // The case's ten decisions, not the 6,000 behind them.
    expect(read).toBeLessThan(100);
  }, 120_000);
});
