import type { TCase, TCaseTimelineEntry } from '@dircab/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMe, fetchRouting, renderApp } from '../../test/render';
import '../correspondence/test-stubs';
import { CaseListPage } from './CaseListPage';
import { CasePage } from './CasePage';
import { editValues, initialCaseValues, toCreatePayload, toUpdatePayload } from './case-form-values';
import { casesUrl, EMPTY_CASE_FILTERS } from './cases-api';
import { InterventionsReportPage } from './InterventionsReportPage';

afterEach(() => vi.unstubAllGlobals());

const id = (n: number) => `0190a000-0000-7000-8000-0000000001${String(n).padStart(2, '0')}`;
const ME = fakeMe('chief_of_staff', ['cases', 'tasks']);
const MAYOR = id(9);

const aCase = (over: Partial<TCase> = {}): TCase => ({
  id: id(1),
  kind: 'sensitive_matter',
  title: 'Foncier coutumier de Plum',
  summary: 'Revendication sur les terrains.',
  status: 'open',
  ownerId: null,
  team: [],
  confidentiality: 'confidential',
  members: [ME.user.id, MAYOR],
  territoryId: null,
  topics: ['foncier'],
  riskLevel: 'high',
  dueDate: null,
  escalation: null,
  intervention: null,
  createdById: ME.user.id,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  closedAt: null,
  policies: { read: true, update: true, close: true, escalate: true, link: true },
  ...over,
});

const entry = (n: number, over: Partial<TCaseTimelineEntry> = {}): TCaseTimelineEntry => ({
  id: `audit:${n}`,
  at: '2026-12-01T00:00:00.000Z',
  type: 'change',
  action: 'case.create',
  title: 'Dossier ouvert',
  detail: null,
  url: null,
  actorName: 'Julien Marchal',
  ...over,
});

/** The case page's reads, and what a test adds. */
function caseApi(
  found: TCase | null,
  extra: (method: string, url: string, body: unknown) => unknown = () => undefined,
) {
  return fetchRouting((method, url, body) => {
    const more = extra(method, url, body);
    if (more) return more as [number, unknown];
    if (url.startsWith('/api/v1/cases/') && url.includes('/timeline')) {
      return [
        200,
        {
          data: [
            entry(1),
            entry(2, {
              id: 'link:2',
              type: 'link',
              action: 'contact',
              title: 'Contact lié',
              detail: 'Radio Lagon',
              url: '/directory/contacts/x',
            }),
          ],
          nextCursor: null,
        },
      ];
    }
    if (url.startsWith('/api/v1/cases/') && url.includes('/links')) return [200, { data: [], nextCursor: null }];
    if (url === `/api/v1/cases/${id(1)}`) {
      return found ? [200, found] : [404, { title: 'Introuvable', status: 404, detail: 'Introuvable.' }];
    }
    if (url.startsWith('/api/v1/members/lookup')) {
      return [
        200,
        {
          data: [{ userId: MAYOR, name: 'Sandrine Kaloi', role: 'executive', jobTitle: 'Maire', active: true }],
          nextCursor: null,
        },
      ];
    }
    if (url.startsWith('/api/v1/territories')) return [200, { data: [], nextCursor: null }];
    if (url.startsWith('/api/v1/services')) return [200, { data: [], nextCursor: null }];
    return undefined;
  });
}

const renderCase = () =>
  renderApp(
    <Routes>
      <Route path="/cases/:id" element={<CasePage />} />
    </Routes>,
    { me: ME, path: `/cases/${id(1)}` },
  );

describe('the create payload', () => {
  it('names the creator among a confidential case’s people, and sends no people for another level', () => {
    const values = {
      ...initialCaseValues(),
      title: '  Foncier  ',
      confidentiality: 'confidential' as const,
      members: [MAYOR],
    };
    expect(toCreatePayload(values, ME.user.id)).toMatchObject({
      title: 'Foncier',
      confidentiality: 'confidential',
      members: [ME.user.id, MAYOR],
    });
    const normal = toCreatePayload({ ...values, confidentiality: 'normal' }, ME.user.id);
    expect(normal).not.toHaveProperty('members');
    expect(normal).not.toHaveProperty('intervention');
  });

  it('describes an intervention only for a case of that kind, with what was typed', () => {
    const values = {
      ...initialCaseValues(),
      kind: 'intervention' as const,
      title: 'Relogement',
      intervention: {
        officialId: id(20),
        institutionContactId: null,
        institutionName: ' SIC ',
        date: '2026-11-30',
        object: '',
        answer: '',
        outcome: 'pending' as const,
      },
    };
    expect(toCreatePayload(values, ME.user.id).intervention).toEqual({
      officialId: id(20),
      institutionContactId: null,
      institutionName: 'SIC',
      date: '2026-11-30',
      object: null,
      answer: null,
      outcome: 'pending',
    });
    expect(toCreatePayload({ ...values, kind: 'project' }, ME.user.id)).not.toHaveProperty('intervention');
  });

  it('edits every field but the kind, leaves a closed case’s status alone, and names people only when confidential', () => {
    const open = aCase({ dueDate: '2026-12-24', ownerId: MAYOR });
    const body = toUpdatePayload({ ...editValues(open), title: ' Nouveau titre ', dueDate: '' }, open);
    expect(body).toMatchObject({
      title: 'Nouveau titre',
      status: 'open',
      confidentiality: 'confidential',
      members: [ME.user.id, MAYOR],
      ownerId: MAYOR,
      dueDate: null,
    });
    expect(body).not.toHaveProperty('kind');
    const closed = aCase({ status: 'closed', confidentiality: 'restricted' });
    const closedBody = toUpdatePayload(editValues(closed), closed);
    expect(closedBody).not.toHaveProperty('status');
    expect(closedBody).not.toHaveProperty('members');
  });

  it('puts only the filters set in the list’s address', () => {
    expect(casesUrl({ ...EMPTY_CASE_FILTERS, kind: 'intervention', topic: ' voirie ' }, 50, 'abc')).toBe(
      '/api/v1/cases?kind=intervention&topic=voirie&limit=50&cursor=abc',
    );
  });
});

describe('the case page', () => {
  it('says « Dossier introuvable » for a case the server hides (404)', async () => {
    vi.stubGlobal('fetch', caseApi(null).fn);
    renderCase();
    expect(await screen.findByRole('heading', { level: 1, name: 'Dossier introuvable' })).toBeDefined();
    expect(screen.getByRole('link', { name: 'Revenir aux dossiers' })).toBeDefined();
  });

  it('shows the case, its people by name and its timeline, and alerts the mayor with a note', async () => {
    const escalated = aCase({
      escalation: { at: '2026-12-02T00:00:00.000Z', byId: ME.user.id, note: 'Avant vendredi.' },
    });
    // After the escalation, the server answers the escalated case (the page reads it again).
    let current = aCase();
    const api = caseApi(null, (method, url) => {
      if (method === 'POST' && url.endsWith('/escalate')) {
        current = escalated;
        return [200, escalated];
      }
      return url === `/api/v1/cases/${id(1)}` ? [200, current] : undefined;
    });
    vi.stubGlobal('fetch', api.fn);
    renderCase();
    expect(await screen.findByRole('heading', { level: 1, name: 'Foncier coutumier de Plum' })).toBeDefined();
    // The people named, by name (the signed-in user is Hélène Boyer in the fake session).
    expect(
      await screen.findByText((_, el) => el?.textContent === 'Personnes habilitées : Hélène Boyer, Sandrine Kaloi'),
    ).toBeDefined();
    const timeline = screen.getByRole('region', { name: 'Chronologie' });
    expect(await within(timeline).findByRole('link', { name: 'Radio Lagon' })).toBeDefined();
    expect(within(timeline).getByText('Dossier ouvert')).toBeDefined();

    fireEvent.click(screen.getByRole('button', { name: 'Alerter le maire' }));
    const dialog = await screen.findByRole('dialog', { name: 'Alerter le maire' });
    fireEvent.change(within(dialog).getByLabelText(/Message au maire/), { target: { value: '  Avant vendredi. ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Alerter' }));
    await vi.waitFor(() => expect(api.calls.some((c) => c.method === 'POST')).toBe(true));
    expect(api.calls.find((c) => c.method === 'POST')).toMatchObject({
      url: `/api/v1/cases/${id(1)}/escalate`,
      body: { note: 'Avant vendredi.' },
    });
    // The page shows the escalation the server answered.
    expect(await screen.findByText('Le maire a été alerté', {}, { timeout: 3000 })).toBeDefined();
  }, 15_000);

  it('shows no action the server would refuse', async () => {
    vi.stubGlobal(
      'fetch',
      caseApi(aCase({ policies: { read: true, update: false, close: false, escalate: false, link: false } })).fn,
    );
    renderCase();
    expect(await screen.findByRole('heading', { level: 1, name: 'Foncier coutumier de Plum' })).toBeDefined();
    expect(screen.queryByRole('button', { name: 'Alerter le maire' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Clore le dossier' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Lier' })).toBeNull();
  });
});

describe('the case list', () => {
  it('lists the cases with their badges and applies the filters chosen', async () => {
    const api = fetchRouting((_m, url) => {
      if (url.startsWith('/api/v1/cases?')) return [200, { data: [aCase()], nextCursor: null }];
      if (url.startsWith('/api/v1/territories')) return [200, { data: [], nextCursor: null }];
      if (url.startsWith('/api/v1/members/lookup')) return [200, { data: [], nextCursor: null }];
      return undefined;
    });
    vi.stubGlobal('fetch', api.fn);
    renderApp(<CaseListPage />, { me: ME, path: '/cases' });
    const row = (await screen.findByRole('link', { name: 'Foncier coutumier de Plum' })).closest('tr') as HTMLElement;
    expect(within(row).getByText('Confidentiel')).toBeDefined();
    expect(within(row).getByText('Risque élevé')).toBeDefined();
    fireEvent.change(screen.getByLabelText('Thème'), { target: { value: 'foncier' } });
    fireEvent.click(screen.getByRole('button', { name: 'Filtrer' }));
    await vi.waitFor(() => expect(api.calls.some((c) => c.url.includes('topic=foncier'))).toBe(true));
    expect(screen.getByRole('button', { name: 'Nouveau dossier' })).toBeDefined();
    expect(screen.getByRole('link', { name: 'Bilan des interventions' })).toBeDefined();
  });

  it('offers neither creation nor the report to a role without them', async () => {
    vi.stubGlobal(
      'fetch',
      fetchRouting((_m, url) =>
        url.startsWith('/api/v1/cases?') || url.startsWith('/api/v1/territories')
          ? [200, { data: [], nextCursor: null }]
          : undefined,
      ).fn,
    );
    renderApp(<CaseListPage />, { me: fakeMe('services', ['cases']), path: '/cases' });
    expect(await screen.findByText('Aucun dossier ne correspond.')).toBeDefined();
    expect(screen.queryByRole('button', { name: 'Nouveau dossier' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Bilan des interventions' })).toBeNull();
  });
});

describe('the interventions report', () => {
  it('tables the period per official with each outcome, and regroups per institution', async () => {
    const api = fetchRouting((_m, url) => {
      if (!url.startsWith('/api/v1/cases/interventions/report?')) return undefined;
      const by = new URL(url, 'http://x').searchParams.get('by');
      const label = by === 'official' ? 'Paul Néhoué' : 'SIC';
      return [
        200,
        {
          from: '2026-01-01',
          to: '2026-12-07',
          by,
          rows: [{ id: null, label, total: 3, outcomes: { favourable: 2, no_answer: 1 } }],
        },
      ];
    });
    vi.stubGlobal('fetch', api.fn);
    renderApp(<InterventionsReportPage />, { me: ME, path: '/cases/interventions' });
    const row = (await screen.findByRole('rowheader', { name: 'Paul Néhoué' })).closest('tr') as HTMLElement;
    expect([...row.querySelectorAll('td')].map((c) => c.textContent)).toEqual(['3', '0', '2', '0', '0', '1']);
    expect(screen.getByRole('columnheader', { name: 'Élu' })).toBeDefined();
    fireEvent.click(screen.getByRole('radio', { name: 'Par institution' }));
    expect(await screen.findByRole('rowheader', { name: 'SIC' })).toBeDefined();
    expect(screen.getByRole('columnheader', { name: 'Institution' })).toBeDefined();
    expect(api.calls.some((c) => c.url.includes('by=institution'))).toBe(true);
  });
});
