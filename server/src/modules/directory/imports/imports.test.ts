import { readFileSync } from 'node:fs';
import { ROLES, type TRole } from '@dircab/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  BASE_URL,
  createTestApp,
  createTestOrg,
  signIn,
  type TestApp,
  type TestOrg,
} from '../../../../test/test-app';
import { queryRows } from '../../../platform/db/client';
import { writeCsv } from './csv';

const RNE = new URL('../../../../../../shared/data/rne/', import.meta.url).pathname;
const MAIRES = readFileSync(`${RNE}maires-meuse-nc.csv`);
const CONSEILLERS = readFileSync(`${RNE}conseillers-departementaux-meuse.csv`);
const ASSEMBLEES = readFileSync(`${RNE}membres-assemblees-nc.csv`);

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
const cookies = {} as Record<TRole, string>;

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff', 'executive']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  await t.app.ctx.db.execute(sql`update organisations set official_code = '98817' where id = ${org.orgId}`);
});
afterAll(() => t.close());

/** A multipart/form-data body, as a browser's FormData sends it. */
function multipart(fields: Record<string, string>, file?: { name: string; content: Buffer; type?: string }) {
  const boundary = '----dircab-test-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'text/csv'}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(
  cookie: string | undefined,
  fields: Record<string, string>,
  file?: { name: string; content: Buffer; type?: string },
) {
  const { payload, contentType } = multipart(fields, file);
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/imports',
    headers: { ...(cookie ? { cookie } : {}), origin: BASE_URL, 'content-type': contentType },
    payload,
  });
}

const rne = (content: Buffer, name = 'rne.csv') => ({ name, content });

async function count(table: string, orgId = org.orgId): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    t.app.ctx.db,
    sql`select count(*)::int as n from ${sql.raw(table)} where org_id = ${orgId}`,
  );
  return row?.n ?? 0;
}

async function counts(orgId = org.orgId) {
  return {
    contacts: await count('contacts', orgId),
    officials: await count('officials', orgId),
    mandates: await count('mandates', orgId),
    audit: await count('audit_log', orgId),
  };
}

const paths = (res: { json(): { errors?: { path: string }[] } }) => (res.json().errors ?? []).map((e) => e.path);

describe('POST /api/v1/imports format=rne', () => {
  it('dry run: counts everything and writes nothing', async () => {
    const before = await counts();
    const res = await upload(cookies.chief_of_staff, { format: 'rne', dryRun: 'true' }, rne(MAIRES));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: true, rows: 526, created: 526, updated: 0, skipped: 0, errors: [] });
    expect(await counts()).toEqual(before);
  });

  it('makes Nina JULIÉ the mayor of Mont-Dore 98817 and the 525 other mayors contacts with their mandate', async () => {
    const started = performance.now();
    const res = await upload(cookies.cabinet_head, { format: 'rne' }, rne(MAIRES, 'maires-meuse-nc.csv'));
    const ms = performance.now() - started;
    console.info(`RNE import, 526 mayors (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}): ${ms.toFixed(0)} ms`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      format: 'rne',
      dryRun: false,
      rows: 526,
      created: 526,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      errors: [],
      durationMs: expect.any(Number),
    });
    expect(await count('contacts')).toBe(526);
    expect(await count('mandates')).toBe(526);
    expect(await count('officials')).toBe(1);

    const list = await as(t.app, cookies.executive).get('/api/v1/officials');
    expect(list.statusCode).toBe(200);
    const officials = list.json().data;
    expect(officials).toHaveLength(1);
    expect(officials[0]).toMatchObject({
      displayName: 'Nina JULIÉ',
      mandates: [
        {
          function: 'maire',
          body: 'conseil_municipal',
          collectivityCode: '98817',
          collectivityName: 'Mont-Dore',
          startDate: '2026-03-22',
          isOwnOrganisation: true,
          source: 'rne',
        },
      ],
    });

    // The namesake commune of Puy-de-Dôme: a contact with its mandate, not an official.
    const namesake = await queryRows<{ official_id: string | null; own: boolean; display_name: string }>(
      t.app.ctx.db,
      sql`select m.official_id, m.is_own_organisation as own, c.display_name from mandates m join contacts c on c.id = m.contact_id
          where m.org_id = ${org.orgId} and m.collectivity_code = '63236'`,
    );
    expect(namesake).toEqual([{ official_id: null, own: false, display_name: 'Pascal MICHAUD' }]);
    const notOwn = await queryRows<{ n: number }>(
      t.app.ctx.db,
      sql`select count(*)::int as n from mandates where org_id = ${org.orgId} and not is_own_organisation and function = 'maire'`,
    );
    expect(notOwn[0]?.n).toBe(525);

    // The mayor is found by the global search, accents and case forgiven.
    const search = await as(t.app, cookies.advisor).get('/api/v1/search?q=julie');
    const kinds = Object.fromEntries(
      (search.json().groups as { kind: string; hits: { title: string }[] }[]).map((g) => [
        g.kind,
        g.hits.map((h) => h.title),
      ]),
    );
    expect(kinds.official).toContain('Nina JULIÉ');
    expect(kinds.contact).toContain('Nina JULIÉ');

    // One audit row for the import, with its counts, plus the records it created.
    const audit = await queryRows<{ action: string; n: number }>(
      t.app.ctx.db,
      sql`select action, count(*)::int as n from audit_log where org_id = ${org.orgId} and summary->>'source' = 'rne' or (org_id = ${org.orgId} and action = 'import.run') group by action order by action`,
    );
    expect(audit).toEqual([
      { action: 'contact.create', n: 526 },
      { action: 'import.run', n: 1 },
      { action: 'official.create', n: 1 },
    ]);
  });

  it('re-importing the same file updates nothing and duplicates nothing', async () => {
    const before = await counts();
    const res = await upload(cookies.cabinet_head, { format: 'rne' }, rne(MAIRES));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: 526, created: 0, updated: 0, unchanged: 526, skipped: 0, errors: [] });
    expect(await counts()).toEqual({ ...before, audit: before.audit + 1 });
  });

  it('imports the departmental councillors and the New Caledonian assemblies with zero errors', async () => {
    const dep = await upload(cookies.executive, { format: 'rne' }, rne(CONSEILLERS));
    expect(dep.statusCode, dep.body).toBe(200);
    expect(dep.json()).toMatchObject({ rows: 32, created: 32, skipped: 0, errors: [] });
    const nc = await upload(cookies.executive, { format: 'rne' }, rne(ASSEMBLEES));
    expect(nc.statusCode, nc.body).toBe(200);
    expect(nc.json()).toMatchObject({ rows: 130, created: 130, skipped: 0, errors: [] });
    // Nina JULIÉ sits in the assembly too: the same contact carries both mandates.
    const nina = await queryRows<{ contacts: number; mandates: number }>(
      t.app.ctx.db,
      sql`select count(distinct c.id)::int as contacts, count(m.id)::int as mandates from contacts c join mandates m on m.contact_id = c.id
          where c.org_id = ${org.orgId} and c.display_name = 'Nina JULIÉ'`,
    );
    expect(nina).toEqual([{ contacts: 1, mandates: 3 }]);
    const ranks = await queryRows<{ function: string; rank: number | null }>(
      t.app.ctx.db,
      sql`select function, rank from mandates where org_id = ${org.orgId} and label like '1er Vice-président%'`,
    );
    expect(ranks).toEqual([{ function: 'vice_president', rank: 1 }]);
    expect(await count('officials')).toBe(1);
  });

  it('makes the Meuse councillors officials of an organisation whose code is 55 (leading zeros aside)', async () => {
    const meuse = await createTestOrg(t.app, ['executive']);
    await t.app.ctx.db.execute(sql`update organisations set official_code = '055' where id = ${meuse.orgId}`);
    const cookie = await signIn(t.app, meuse.users.executive);
    const res = await upload(cookie, { format: 'rne' }, rne(CONSEILLERS));
    expect(res.json()).toMatchObject({ created: 32, errors: [] });
    expect(await count('officials', meuse.orgId)).toBe(32);
    const president = await queryRows<{ function: string }>(
      t.app.ctx.db,
      sql`select function from mandates where org_id = ${meuse.orgId} and function = 'president'`,
    );
    expect(president).toHaveLength(1);
  });

  it('reports unreadable rows with their line number in French and imports the others', async () => {
    const text = [
      'Code du département;Libellé du département;Code de la commune;Libellé de la commune;Nom de l’élu;Prénom de l’élu;Code sexe;Date de naissance;Date de début du mandat',
      '55;Meuse;55001;Abainville;DURAND;Luc;M;31/02/1970;15/03/2026',
      '55;Meuse;55002;Abaucourt;;Marie;F;01/02/1970;15/03/2026',
      '55;Meuse;55003;Autre;MARTIN;Paul;M;1970-02-01;2026-03-15',
      '55;Meuse;55003;Autre;MARTIN;Paul;M;1970-02-01;2026-03-15',
    ].join('\r\n');
    const res = await upload(cookies.secretariat, { format: 'rne', dryRun: 'true' }, rne(Buffer.from(text)));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: 4, created: 1, skipped: 3 });
    expect(res.json().errors).toEqual([
      { row: 2, message: expect.stringContaining('Date de naissance invalide') },
      { row: 3, message: 'Le nom de l’élu est vide.' },
    ]);
  });

  it('answers 400 problem+json naming the field, and writes nothing, for bad input', async () => {
    const before = await counts();
    const bad = [
      { res: await upload(cookies.executive, { format: 'rne' }), path: 'file' },
      { res: await upload(cookies.executive, { format: 'xlsx' }, rne(MAIRES)), path: 'format' },
      // A CSV sent as vCard holds no card.
      { res: await upload(cookies.executive, { format: 'vcard' }, rne(MAIRES)), path: 'file' },
      { res: await upload(cookies.executive, {}, rne(MAIRES)), path: 'format' },
      { res: await upload(cookies.executive, { format: 'rne', colour: 'red' }, rne(MAIRES)), path: 'colour' },
      {
        res: await upload(
          cookies.executive,
          { format: 'rne' },
          { name: 'logo.png', type: 'image/png', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255, 254]) },
        ),
        path: 'file',
      },
      {
        res: await upload(cookies.executive, { format: 'rne' }, rne(Buffer.from('nom;prénom\nDUPONT;Julie\n'))),
        path: 'file',
      },
      { res: await upload(cookies.executive, { format: 'rne' }, rne(Buffer.from(''))), path: 'file' },
      { res: await as(t.app, cookies.executive).post('/api/v1/imports', { format: 'rne' }), path: 'file' },
    ];
    for (const { res, path } of bad) {
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(paths(res)).toContain(path);
    }
    expect(bad[6]?.res.json().errors[0].message).toMatch(/colonnes manquantes/);
    expect(await counts()).toEqual(before);
  });

  it('is refused to roles that may not import (403) and without a session (401)', async () => {
    const before = await counts();
    for (const role of ['advisor', 'communication', 'official', 'services', 'admin', 'group_staff'] as TRole[]) {
      const res = await upload(cookies[role], { format: 'rne' }, rne(MAIRES));
      expect(res.statusCode, role).toBe(403);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    }
    expect((await upload(undefined, { format: 'rne' }, rne(MAIRES))).statusCode).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it('keeps each organisation’s import to itself', async () => {
    expect(await counts(other.orgId)).toMatchObject({ contacts: 0, officials: 0, mandates: 0 });
    const cookie = await signIn(t.app, other.users.chief_of_staff);
    const list = await as(t.app, cookie).get('/api/v1/officials');
    expect(list.json().data).toEqual([]);
  });

  it('imports a generated 20,000-row RNE file in batches (timing reported)', async () => {
    const header = MAIRES.toString('utf8').split('\n')[0]?.split(';') as string[];
    const rows: string[][] = [header];
    for (let i = 0; i < 20_000; i++) {
      const code = String(10_000 + (i % 900));
      rows.push([
        code.slice(0, 2),
        'Département',
        '',
        '',
        code,
        `Commune ${i % 900}`,
        `NOM${i}`,
        `Prénom${i % 97}`,
        i % 2 ? 'M' : 'F',
        `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/${1940 + (i % 60)}`,
        '12',
        'Agriculteur',
        '15/03/2026',
        '20/03/2026',
      ]);
    }
    const big = await createTestOrg(t.app, ['executive']);
    const cookie = await signIn(t.app, big.users.executive);
    const started = performance.now();
    const res = await upload(cookie, { format: 'rne' }, rne(Buffer.from(writeCsv(rows))));
    const ms = performance.now() - started;
    console.info(
      `RNE import, 20,000 generated rows (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}): ${ms.toFixed(0)} ms`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: 20_000, created: 20_000, errors: [] });
    expect(await count('contacts', big.orgId)).toBe(20_000);
  }, 300_000);
});
