import { ROLES, type TRole } from '@dircab/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  countRows,
  createTestApp,
  createTestOrg,
  signIn,
  type TestApp,
  type TestOrg,
} from '../../../../test/test-app';

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
const cookies = {} as Record<TRole, string>;
let otherChief: string;
const api = (role: TRole) => as(t.app, cookies[role]);

async function register(role: TRole, over: Record<string, unknown>, cookie = cookies[role]) {
  const res = await as(t.app, cookie).post('/api/v1/correspondence', {
    direction: 'in',
    channel: 'postal',
    subject: 'Objet',
    sender: { name: 'Mme Léa Gowé' },
    ...over,
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { id: string; registrationNumber: string };
}

/** The exported bytes (the register is streamed; inject gathers it). */
const exportOf = (role: TRole | string, query: string) =>
  (role in cookies ? api(role as TRole) : as(t.app, role)).get(`/api/v1/correspondence/register?${query}`);

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  otherChief = await signIn(t.app, other.users.chief_of_staff);
});
afterAll(() => t.close());

describe('register', () => {
  let first: { registrationNumber: string };
  let secret: { registrationNumber: string };
  let outgoing: { registrationNumber: string };
  let late: { registrationNumber: string };

  beforeAll(async () => {
    // Registered out of order: the register reads them by their dates (Nouméa, UTC+11).
    late = await register('secretariat', {
      subject: 'Demande de subvention; « Les Amis de Plum »',
      receivedAt: '2026-03-31T12:30:00Z', // 31 March 23:30 in Nouméa
      sender: { name: '=HYPERLIEN("x")', email: 'amis.plum@example.nc' },
    });
    first = await register('secretariat', {
      channel: 'email',
      subject: 'Nid-de-poule rue Gervolino',
      receivedAt: '2026-02-28T22:00:00Z', // 1 March 09:00 in Nouméa
    });
    secret = await register('chief_of_staff', {
      subject: 'Signalement confidentiel',
      confidentiality: 'confidential',
      receivedAt: '2026-03-10T00:00:00Z',
    });
    outgoing = await register('secretariat', {
      direction: 'out',
      subject: 'Réponse au comité de quartier',
      receivedAt: '2026-03-15T00:00:00Z',
    });
    // Outside the period, on either side.
    await register('secretariat', { subject: 'Février', receivedAt: '2026-02-28T12:00:00Z' });
    await register('secretariat', { subject: 'Avril', receivedAt: '2026-03-31T13:30:00Z' });
    await register('chief_of_staff', { subject: 'Ailleurs', receivedAt: '2026-03-05T00:00:00Z' }, otherChief);
  });

  it('exports the period’s register as CSV for French Excel, in date order, only what the actor may see, audited', async () => {
    const res = await exportOf('secretariat', 'from=2026-03-01&to=2026-03-31');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="registre-courrier-2026-03-01-2026-03-31.csv"',
    );
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = res.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Numéro;Sens;Date;Canal;Expéditeur / destinataire;Objet;Type;Statut');
    expect(lines.slice(1, -1)).toEqual([
      `${first.registrationNumber};Arrivée;01/03/2026 09:00;Courriel;Mme Léa Gowé;Nid-de-poule rue Gervolino;;Enregistré`,
      `${outgoing.registrationNumber};Départ;15/03/2026 11:00;Courrier postal;Mme Léa Gowé;Réponse au comité de quartier;;Enregistré`,
      // A separator inside a cell is quoted; a formula is defused.
      `${late.registrationNumber};Arrivée;31/03/2026 23:30;Courrier postal;"'=HYPERLIEN(""x"")";"Demande de subvention; « Les Amis de Plum »";;Enregistré`,
    ]);
    expect(lines.at(-1)).toBe('');
    expect(await countRows(t.app, "audit_log where action = 'correspondence.register_export'")).toBe(1);
    expect(
      await countRows(
        t.app,
        "audit_log where action = 'correspondence.register_export' and summary->>'rows' = '3' and summary->>'complete' = 'true'",
      ),
    ).toBe(1);

    // The director of cabinet sees the confidential item; one direction filters.
    const chief = await exportOf('chief_of_staff', 'from=2026-03-01&to=2026-03-31&direction=in&format=csv');
    const numbers = chief.body.split('\r\n').map((l) => l.split(';')[0]);
    expect(numbers).toEqual(expect.arrayContaining([first.registrationNumber, secret.registrationNumber]));
    expect(numbers).not.toContain(outgoing.registrationNumber);
    expect(res.body).not.toContain(secret.registrationNumber);
  });

  it('exports it as a landscape A4 PDF, headed and numbered on every page', async () => {
    for (let i = 0; i < 45; i++) {
      await register('secretariat', {
        subject: `Demande n° ${i} : ${'un objet assez long pour tenir sur deux lignes du registre imprimé '.repeat(2)}`,
        receivedAt: `2026-05-${String(1 + (i % 28)).padStart(2, '0')}T00:00:00Z`,
      });
    }
    const res = await exportOf('cabinet_head', 'from=2026-05-01&to=2026-05-31&format=pdf');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload.toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
    const pages = pdf.match(/\/Type \/Page\b/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(3);
    // Landscape: the page is wider than high.
    expect(pdf).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
    expect(await countRows(t.app, "audit_log where summary->>'format' = 'pdf' and summary->>'rows' = '45'")).toBe(1);

    const empty = await exportOf('cabinet_head', 'from=2020-01-01&to=2020-01-31&format=pdf');
    expect(empty.statusCode).toBe(200);
    expect(empty.rawPayload.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(await countRows(t.app, "audit_log where summary->>'format' = 'pdf'")).toBe(2);
  });

  it('refuses a bad period or format with the fields, exporting nothing', async () => {
    const before = await countRows(t.app, 'audit_log');
    const reversed = await exportOf('secretariat', 'from=2026-03-31&to=2026-03-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.headers['content-type']).toContain('application/problem+json');
    expect(reversed.json().errors.map((e: { path: string }) => e.path)).toEqual(['to']);
    const bad = await exportOf('secretariat', 'from=01/03/2026&direction=both&format=xls');
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['from', 'to', 'direction', 'format']),
    );
    expect(await countRows(t.app, 'audit_log')).toBe(before);
  });

  it('is the cabinet’s only (403), and never shows another organisation’s items', async () => {
    for (const role of ['services', 'official', 'group_staff', 'admin'] as const) {
      expect((await exportOf(role, 'from=2026-03-01&to=2026-03-31')).statusCode).toBe(403);
    }
    const theirs = await exportOf(otherChief, 'from=2026-03-01&to=2026-03-31');
    expect(theirs.statusCode).toBe(200);
    const rows = theirs.body.split('\r\n').slice(1, -1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('Ailleurs');
  });
});
