import { ROLES, type TRole } from '@dircab/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createTestOrg, signIn, type TestApp, type TestOrg } from '../../../test/test-app';
import { recordAudit } from '../../platform/audit/record-audit';
import { registerTimelineSource } from './timeline/timeline-registry';

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
const cookies = {} as Record<TRole, string>;
const api = (role: TRole) => as(t.app, cookies[role]);

interface Entry {
  id: string;
  at: string;
  kind: string;
  title: string;
  summary: string | null;
  link: string | null;
  actorName: string | null;
}

async function everything(contactId: string, limit: number, role: TRole = 'chief_of_staff'): Promise<Entry[]> {
  const out: Entry[] = [];
  let cursor: string | null = null;
  do {
    const res = await api(role).get(
      `/api/v1/contacts/${contactId}/timeline?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(res.statusCode).toBe(200);
    out.push(...res.json().data);
    cursor = res.json().nextCursor;
  } while (cursor);
  return out;
}

// A module of its own (say, correspondence) plugs in without touching the directory.
const letters: { contactId: string; at: Date; id: string }[] = [];
registerTimelineSource({
  kind: 'test_letter',
  async fetch(_db, _actor, contactId, q) {
    return letters
      .filter((l) => q.contactIds.includes(l.contactId))
      .map((l) => ({
        id: `test_letter:${l.id}`,
        at: l.at,
        title: 'Courrier reçu',
        summary: null,
        link: '/mail/1',
        actorName: null,
      }))
      .filter(
        (e) => !q.before || e.at < q.before.at || (e.at.getTime() === q.before.at.getTime() && e.id < q.before.id),
      )
      .sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : -1))
      .slice(0, q.limit)
      .filter(() => contactId.length > 0);
  },
});

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
});
afterAll(() => t.close());

describe('the 360° timeline', () => {
  it('shows the contact’s history newest first, with the actor’s name, and not the reads of a confidential contact', async () => {
    const created = await api('chief_of_staff').post('/api/v1/contacts', {
      kind: 'person',
      firstName: 'Nina',
      lastName: 'Julié',
      confidentiality: 'confidential',
    });
    const id = created.json().id;
    await api('chief_of_staff').get(`/api/v1/contacts/${id}`);
    await api('chief_of_staff').patch(`/api/v1/contacts/${id}`, {
      jobTitle: 'Maire',
      emails: [{ email: 'n@example.nc' }],
    });
    const asso = (await api('chief_of_staff').post('/api/v1/contacts', { kind: 'organisation', name: 'Asso' })).json()
      .id;
    await api('chief_of_staff').post(`/api/v1/contacts/${id}/relations`, { otherContactId: asso, kind: 'chairs' });

    const entries = await everything(id, 50);
    expect(entries.map((e) => e.title)).toEqual(['Relation ajoutée', 'Fiche modifiée', 'Fiche créée']);
    expect(entries[0]?.summary).toBe('préside');
    expect(entries[1]?.summary).toBe('Champs modifiés : fonction, courriels');
    expect(entries.every((e) => e.actorName === org.users.chief_of_staff.name && e.kind === 'audit')).toBe(true);
  });

  it('shows mandates (their start, and their end once passed) among the other sources, paged without gaps nor repeats', async () => {
    const id = (
      await api('chief_of_staff').post('/api/v1/contacts', { kind: 'person', firstName: 'Léon', lastName: 'Wamytan' })
    ).json().id;
    const officialRes = await api('chief_of_staff').post('/api/v1/officials', {
      contactId: id,
      mandates: [
        { function: 'maire', body: 'conseil_municipal', startDate: '2020-07-04', collectivityName: 'Mont-Dore' },
        { function: 'adjoint', body: 'conseil_municipal', startDate: '2014-04-05', endDate: '2020-07-03' },
        { function: 'conseiller_municipal', body: 'conseil_municipal', startDate: '2026-01-01', endDate: '2099-01-01' },
      ],
    });
    expect(officialRes.statusCode).toBe(201);
    for (const [n, at] of ['2018-01-01', '2020-07-04', '2022-03-01'].entries()) {
      letters.push({ contactId: id, at: new Date(`${at}T00:00:00.000Z`), id: `L${n}` });
    }

    const whole = await everything(id, 50);
    // Paged by two, the same entries in the same order.
    const paged = await everything(id, 2);
    expect(paged.map((e) => e.id)).toEqual(whole.map((e) => e.id));
    expect(new Set(whole.map((e) => e.id)).size).toBe(whole.length);
    const times = whole.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const titles = whole.map((e) => e.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Début de mandat : Maire',
        'Début de mandat : Adjoint(e) au maire',
        'Fin de mandat : Adjoint(e) au maire',
        'Début de mandat : Conseiller(ère) municipal(e)',
        'Courrier reçu',
        'Fiche créée',
      ]),
    );
    // An end still to come is not history.
    expect(titles).not.toContain('Fin de mandat : Conseiller(ère) municipal(e)');
    expect(whole.find((e) => e.title === 'Début de mandat : Maire')?.summary).toBe('Mont-Dore');
    expect(whole.filter((e) => e.kind === 'test_letter')).toHaveLength(3);
  });

  it('names an import as such', async () => {
    const id = (
      await api('chief_of_staff').post('/api/v1/contacts', { kind: 'person', firstName: 'Ida', lastName: 'Import' })
    ).json().id;
    // What the RNE and CSV imports write for the contacts they create or update.
    await t.app.ctx.db.transaction((tx) =>
      recordAudit(
        tx,
        { userId: org.users.chief_of_staff.id, orgId: org.orgId, ip: null },
        {
          action: 'contact.update',
          recordType: 'contact',
          recordId: id,
          summary: { after: { jobTitle: 'Maire' }, source: 'rne' },
        },
      ),
    );
    const [latest] = await everything(id, 1);
    expect(latest?.title).toBe('Fiche mise à jour par import (rne)');
    expect(latest?.summary).toBe('Champs modifiés : fonction');
  });

  it('is read by the roles that read contacts, inside the organisation', async () => {
    const id = (
      await api('chief_of_staff').post('/api/v1/contacts', { kind: 'person', firstName: 'Zoé', lastName: 'Scope' })
    ).json().id;
    expect((await api('services').get(`/api/v1/contacts/${id}/timeline`)).statusCode).toBe(200);
    expect((await api('admin').get(`/api/v1/contacts/${id}/timeline`)).statusCode).toBe(403);
    const otherCookie = await signIn(t.app, other.users.chief_of_staff);
    expect((await as(t.app, otherCookie).get(`/api/v1/contacts/${id}/timeline`)).statusCode).toBe(404);
  });
});
