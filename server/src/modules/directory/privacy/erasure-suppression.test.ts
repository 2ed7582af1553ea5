import { ROLES, type TRole } from '@dircab/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createTestOrg, signIn, type TestApp, type TestOrg } from '../../../../test/test-app';
import { queryRows } from '../../../platform/db/client';
import { uploadImport } from '../imports/upload-for-tests';
import { anonymiseContact } from './commands/anonymise-contact';
import { SUPPRESSED_ROW_MESSAGE } from './erasure-suppression';

// The suppression list: someone erased on request is not re-created by an import of any
// format, and the list holds no clear personal data.

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
const cookies = {} as Record<TRole, string>;
const api = (role: TRole) => as(t.app, cookies[role]);
const upload = (fields: Record<string, string>, name: string, content: string, cookie = cookies.chief_of_staff) =>
  uploadImport(t.app, cookie, fields, { name, content });

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  await t.app.ctx.db.execute(sql`update organisations set official_code = '98817' where id = ${org.orgId}`);
});
afterAll(() => t.close());

async function contactsNamed(lastName: string, orgId = org.orgId) {
  return queryRows<{ id: string; anonymised: boolean }>(
    t.app.ctx.db,
    sql`select id::text, anonymised_at is not null as anonymised from contacts
        where org_id = ${orgId} and last_name = ${lastName} order by id`,
  );
}

async function erase(id: string) {
  const res = await api('chief_of_staff').post(`/api/v1/contacts/${id}/erase`, { reason: 'Courrier du 3 novembre' });
  expect(res.statusCode, res.body).toBe(204);
}

const CSV = [
  'Civilité;Prénom;Nom;Courriel;Portable;Adresse;Code postal;Ville',
  'Mme;Sandrine;Wahetra;s.wahetra@example.nc;78 45 12;4 rue des Cocotiers;98809;Mont-Dore',
  'M.;Éric;Gomès;;;12 avenue du Port;98800;Nouméa',
].join('\r\n');

describe('erasure on request and the imports', () => {
  it('CSV: a re-import skips the erased person, reported without their name; the others are imported as before', async () => {
    const first = await upload({ format: 'csv' }, 'contacts.csv', CSV);
    expect(first.json()).toMatchObject({ created: 2, skipped: 0 });
    const [wahetra] = await contactsNamed('Wahetra');
    const [gomes] = await contactsNamed('Gomès');
    await erase(wahetra?.id as string);
    await erase(gomes?.id as string);

    const again = await upload({ format: 'csv' }, 'contacts.csv', CSV);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ rows: 2, created: 0, updated: 0, skipped: 2 });
    expect(again.json().errors).toEqual([
      { row: 2, message: SUPPRESSED_ROW_MESSAGE },
      { row: 3, message: SUPPRESSED_ROW_MESSAGE },
    ]);
    expect(JSON.stringify(again.json())).not.toMatch(/Wahetra|Gomès/);
    // Only the anonymised shells: nobody was created again.
    expect(await contactsNamed('Wahetra')).toEqual([]);
    expect(await contactsNamed('Gomès')).toEqual([]);

    // Another file: the e-mail alone, the mobile alone (written differently), the names and
    // postcode alone (the CSV import's own key for a row with neither) each recognise them.
    const other = [
      'Prénom;Nom;Courriel;Téléphone;Code postal;Adresse;Ville',
      'Sandrine;W.;S.Wahetra@Example.nc;;;;',
      'Sandra;Wahetra-Néa;;+687 78.45.12;;;',
      'Éric;Gomès;;;98800;5 rue Higginson;Nouméa',
      'Éric;Gomès;;;98809;8 rue du Pic;Mont-Dore',
    ].join('\n');
    const res = await upload({ format: 'csv' }, 'autre.csv', other);
    expect(res.json()).toMatchObject({ rows: 4, created: 1, skipped: 3 });
    expect(res.json().errors.map((e: { row: number }) => e.row)).toEqual([2, 3, 4]);
    // A namesake in another town is someone else.
    expect(await contactsNamed('Gomès')).toHaveLength(1);
  });

  it('vCard: a re-import skips the erased person', async () => {
    const card = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:Pidjot;Rock;;M.;',
      'FN:Rock Pidjot',
      'UID:urn:uuid:4b9e-pidjot',
      'TEL;TYPE=CELL:79 11 22',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:Naisseline;Marie;;;',
      'FN:Marie Naisseline',
      'EMAIL:m.naisseline@example.nc',
      'END:VCARD',
      '',
    ].join('\r\n');
    expect((await upload({ format: 'vcard' }, 'carnet.vcf', card)).json()).toMatchObject({ created: 2 });
    const [pidjot] = await contactsNamed('Pidjot');
    await erase(pidjot?.id as string);
    const again = await upload({ format: 'vcard' }, 'carnet.vcf', card);
    expect(again.json()).toMatchObject({ rows: 2, created: 0, unchanged: 1, skipped: 1 });
    expect(again.json().errors).toEqual([{ row: 1, message: SUPPRESSED_ROW_MESSAGE }]);
    expect(await contactsNamed('Pidjot')).toEqual([]);
  });

  it('RNE: a re-import of the register skips the erased elected person and their mandates', async () => {
    const rne = [
      "Code du département;Libellé du département;Code de la collectivité à statut particulier;Libellé de la collectivité à statut particulier;Code de la commune;Libellé de la commune;Nom de l'élu;Prénom de l'élu;Code sexe;Date de naissance;Code de la catégorie socio-professionnelle;Libellé de la catégorie socio-professionnelle;Date de début du mandat;Date de début de la fonction",
      '55;Meuse;;;55001;Abainville;BONTANT;Vincent;M;28/12/1972;12;Agriculteur sur moyenne exploitation;15/03/2026;20/03/2026',
      '55;Meuse;;;55002;Abaucourt-Hautecourt;GARDIEN;Gilles;M;29/12/1966;12;Agriculteur sur moyenne exploitation;15/03/2026;22/03/2026',
    ].join('\n');
    const first = await upload({ format: 'rne' }, 'rne.csv', rne);
    expect(first.json()).toMatchObject({ created: 2, skipped: 0 });
    const [bontant] = await contactsNamed('BONTANT');
    // The mayor of another commune: not an official of this organisation, so erasable.
    await erase(bontant?.id as string);
    const again = await upload({ format: 'rne' }, 'rne.csv', rne);
    expect(again.json()).toMatchObject({ rows: 2, created: 0, unchanged: 1, skipped: 1 });
    expect(again.json().errors).toEqual([{ row: 2, message: SUPPRESSED_ROW_MESSAGE }]);
    expect(await contactsNamed('BONTANT')).toEqual([]);
    const [mandates] = await queryRows<{ n: number }>(
      t.app.ctx.db,
      sql`select count(*)::int as n from mandates where org_id = ${org.orgId} and external_key like ${'%bontant%'}`,
    );
    expect(mandates?.n).toBe(0);
  });

  it('keeps keyed hashes only: no column or value holds a name, an e-mail or a phone, and another organisation is not affected', async () => {
    const columns = await queryRows<{ column_name: string }>(
      t.app.ctx.db,
      sql`select column_name from information_schema.columns where table_name = 'erasure_suppressions' order by 1`,
    );
    expect(columns.map((c) => c.column_name)).toEqual(['created_at', 'key_hash', 'org_id']);
    const rows = await queryRows<{ org_id: string; key_hash: string }>(
      t.app.ctx.db,
      sql`select org_id::text, key_hash from erasure_suppressions`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(6);
    for (const r of rows) {
      expect(r.org_id).toBe(org.orgId);
      // HMAC-SHA256, base64url: 43 characters, nothing readable.
      expect(r.key_hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
    const dump = JSON.stringify(rows).toLowerCase();
    for (const clear of ['wahetra', 'gomès', 's.wahetra@example.nc', '+68778451', 'pidjot', 'bontant', '1972-12-28']) {
      expect(dump, clear).not.toContain(clear);
    }
    // The same file in another organisation creates its contacts: the list is per organisation.
    const theirs = await signIn(t.app, other.users.chief_of_staff);
    const res = await upload({ format: 'csv' }, 'contacts.csv', CSV, theirs);
    expect(res.json()).toMatchObject({ created: 2, skipped: 0 });
  });

  it('the retention job’s expiry puts no one on the list: a later import creates the person again', async () => {
    const file = 'Prénom;Nom;Courriel\nPaul;Neaoutyine;p.neaoutyine@example.nc';
    expect((await upload({ format: 'csv' }, 'p.csv', file)).json()).toMatchObject({ created: 1 });
    const [paul] = await contactsNamed('Neaoutyine');
    const before = await queryRows<{ n: number }>(
      t.app.ctx.db,
      sql`select count(*)::int as n from erasure_suppressions`,
    );
    await t.app.ctx.db.transaction((tx) =>
      anonymiseContact(tx, null, {
        orgId: org.orgId,
        contactId: paul?.id as string,
        trigger: 'retention',
        category: 'constituent',
      }),
    );
    const after = await queryRows<{ n: number }>(
      t.app.ctx.db,
      sql`select count(*)::int as n from erasure_suppressions`,
    );
    expect(after[0]?.n).toBe(before[0]?.n);
    expect((await upload({ format: 'csv' }, 'p.csv', file)).json()).toMatchObject({ created: 1, skipped: 0 });
  });

  it('the contact form is not refused: a person who comes back and asks to be registered is a new collection', async () => {
    const res = await api('chief_of_staff').post('/api/v1/contacts', {
      kind: 'person',
      firstName: 'Sandrine',
      lastName: 'Wahetra',
      emails: [{ email: 's.wahetra@example.nc' }],
    });
    expect(res.statusCode, res.body).toBe(201);
  });
});
