import type { TMandate, TOfficial } from '@dircab/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMe, fetchRouting, renderApp } from '../../../test/render';
import { ContactsPage } from '../ContactsPage';
import { withMandateFilters } from './contact-list-filters';
import { OfficialPage } from './OfficialPage';
import { OfficialsPage } from './OfficialsPage';
import { currentMandates, formatIsoDate, mandateOrder } from './officials-rules';

afterEach(() => vi.unstubAllGlobals());

let n = 0;
const mandate = (over: Partial<TMandate>): TMandate => ({
  id: `0190a000-0000-7000-8000-0000000001${String(++n).padStart(2, '0')}`,
  function: 'conseiller_municipal',
  rank: null,
  label: null,
  body: 'conseil_municipal',
  bodyName: null,
  collectivityCode: '98817',
  collectivityName: 'Mont-Dore',
  startDate: '2026-03-22',
  endDate: null,
  isOwnOrganisation: true,
  source: 'manual',
  ...over,
});

const official = (name: string, mandates: TMandate[], over: Partial<TOfficial> = {}): TOfficial => ({
  id: `0190a000-0000-7000-8000-0000000002${String(++n).padStart(2, '0')}`,
  contactId: '0190a000-0000-7000-8000-000000000300',
  userId: null,
  displayName: name,
  sortName: name.toLowerCase(),
  mandates,
  portfolios: [],
  politicalGroup: null,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  policies: { read: true, update: false, delete: false },
  ...over,
});

describe('the council’s order', () => {
  it('puts the maire first, adjoints by rank, délégués, councillors; ended mandates out', () => {
    const list = [
      mandate({ function: 'conseiller_municipal' }),
      mandate({ function: 'adjoint', rank: 3 }),
      mandate({ function: 'maire', endDate: '2020-03-14', startDate: '2014-03-30' }),
      mandate({ function: 'conseiller_delegue' }),
      mandate({ function: 'adjoint', rank: 1 }),
    ];
    expect(currentMandates(list, '2026-11-23').map((m) => `${m.function}${m.rank ?? ''}`)).toEqual([
      'adjoint1',
      'adjoint3',
      'conseiller_delegue',
      'conseiller_municipal',
    ]);
    expect(mandateOrder({ function: 'president', rank: null })).toBeLessThan(
      mandateOrder({ function: 'vice_president', rank: 1 }),
    );
    expect(mandateOrder({ function: 'vice_president', rank: 2 })).toBeLessThan(
      mandateOrder({ function: 'vice_president', rank: null }),
    );
    expect(mandateOrder({ function: 'vice_president', rank: null })).toBeLessThan(
      mandateOrder({ function: 'conseiller_departemental', rank: null }),
    );
    expect(formatIsoDate('2026-03-22', 'fr')).toBe('22/03/2026');
  });
});

const COUNCIL = [
  official('Hélène Boyer', [mandate({ function: 'maire', label: 'Maire' })], {
    politicalGroup: { id: '0190a000-0000-7000-8000-000000000400', name: 'Unis', side: 'majority' },
  }),
  official('Paul Néhoué', [mandate({ function: 'adjoint', rank: 1 })], { portfolios: ['travaux', 'voirie'] }),
  official('Gérard Bouquet', [
    mandate({ function: 'conseiller_municipal', endDate: '2020-01-01', startDate: '2014-01-01' }),
  ]),
];

describe('the officials page', () => {
  const show = (role: 'advisor' | 'official' | 'chief_of_staff') => {
    vi.stubGlobal(
      'fetch',
      fetchRouting((_m, url) =>
        url.startsWith('/api/v1/officials') ? [200, { data: COUNCIL, nextCursor: null }] : undefined,
      ).fn,
    );
    return renderApp(<OfficialsPage />, { path: '/directory/officials', me: fakeMe(role, ['directory']) });
  };

  it('lists the council in the API’s order, with functions, portfolios and the group for the cabinet', async () => {
    show('advisor');
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]?.textContent)).toEqual([
      'Hélène Boyer',
      'Paul Néhoué',
      'Gérard Bouquet',
    ]);
    expect(rows.map((r) => within(r).getAllByRole('cell')[1]?.textContent)).toEqual([
      'Maire',
      'Adjoint au maire n° 1',
      'Aucun mandat en cours',
    ]);
    expect(within(rows[1] as HTMLElement).getByText('travaux, voirie')).toBeDefined();
    expect(within(table).getByRole('columnheader', { name: 'Groupe politique' })).toBeDefined();
    expect(within(rows[0] as HTMLElement).getByText('Majorité')).toBeDefined();
    expect(screen.getByRole('link', { name: 'Groupes politiques' })).toBeDefined();
    expect(screen.queryByRole('button', { name: 'Nouvel élu' })).toBeNull();
  });

  it('shows neither the group column nor the groups tab to an official; the heads may declare', async () => {
    const { unmount } = show('official');
    const table = await screen.findByRole('table');
    expect(within(table).queryByRole('columnheader', { name: 'Groupe politique' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Groupes politiques' })).toBeNull();
    unmount();
    show('chief_of_staff');
    expect(await screen.findByRole('button', { name: 'Nouvel élu' })).toBeDefined();
  });
});

describe('an official’s page', () => {
  it('shows the mandates with their collectivity and dates, and the group only to the cabinet', async () => {
    const nina = official(
      'Nina JULIÉ',
      [mandate({ function: 'maire', label: 'Maire', source: 'rne', startDate: '2026-03-22' })],
      {
        userId: null,
        politicalGroup: null,
      },
    );
    const render = (role: 'advisor' | 'official') => {
      vi.stubGlobal(
        'fetch',
        fetchRouting((_m, url) => (url === `/api/v1/officials/${nina.id}` ? [200, nina] : undefined)).fn,
      );
      return renderApp(
        <Routes>
          <Route path="/directory/officials/:id" element={<OfficialPage />} />
        </Routes>,
        { path: `/directory/officials/${nina.id}`, me: fakeMe(role, ['directory']) },
      );
    };
    const { unmount } = render('advisor');
    expect(await screen.findByRole('heading', { level: 1, name: 'Nina JULIÉ' })).toBeDefined();
    const region = screen.getByRole('region', { name: 'Mandats de l’élu' });
    const row = within(region).getAllByRole('row')[1] as HTMLElement;
    expect(row.textContent).toBe('MaireConseil municipalMont-Dore (98817)22/03/2026Répertoire national des élus');
    expect(screen.getByRole('heading', { name: 'Groupe politique' })).toBeDefined();
    expect(screen.getByText('Aucun compte utilisateur n’est lié à cet élu.')).toBeDefined();
    unmount();
    render('official');
    expect(await screen.findByRole('heading', { level: 1, name: 'Nina JULIÉ' })).toBeDefined();
    expect(screen.queryByRole('heading', { name: 'Groupe politique' })).toBeNull();
  });

  it('says « Élu introuvable » on a 404', async () => {
    vi.stubGlobal('fetch', fetchRouting(() => undefined).fn);
    renderApp(
      <Routes>
        <Route path="/directory/officials/:id" element={<OfficialPage />} />
      </Routes>,
      { path: '/directory/officials/0190a000-0000-7000-8000-000000000999', me: fakeMe('advisor', ['directory']) },
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Élu introuvable' })).toBeDefined();
  });
});

describe('the contacts list’s officials filters', () => {
  it('add groupId and mandate to the list’s address only when set', () => {
    expect(withMandateFilters('/api/v1/contacts?q=julie&limit=50', { groupId: '', mandate: '' })).toBe(
      '/api/v1/contacts?q=julie&limit=50',
    );
    expect(withMandateFilters('/api/v1/contacts?limit=50', { groupId: 'g1', mandate: 'maire' })).toBe(
      '/api/v1/contacts?limit=50&groupId=g1&mandate=maire',
    );
  });

  const GROUP = {
    id: '0190a000-0000-7000-8000-000000000400',
    name: 'Unis pour le Mont-Dore',
    side: 'majority',
    staff: [],
    officialCount: 3,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    policies: {},
  };
  const api = () =>
    fetchRouting((_m, url) => {
      if (url.startsWith('/api/v1/contacts')) return [200, { data: [], nextCursor: null }];
      if (url.startsWith('/api/v1/territories')) return [200, { data: [], nextCursor: null }];
      if (url === '/api/v1/political-groups') return [200, { data: [GROUP] }];
      return undefined;
    });

  it('send the mandate and the group chosen by a cabinet member', async () => {
    const calls = api();
    vi.stubGlobal('fetch', calls.fn);
    renderApp(<ContactsPage />, { path: '/directory', me: fakeMe('advisor', ['directory']) });
    const mandateInput = await screen.findByLabelText('Mandat en cours', { selector: 'input' });
    fireEvent.click(mandateInput);
    const mandates = document.getElementById(mandateInput.getAttribute('aria-controls') ?? '') as HTMLElement;
    fireEvent.click(within(mandates).getByRole('option', { name: 'Maire', hidden: true }));
    const groupInput = screen.getByLabelText('Groupe politique', { selector: 'input' });
    await vi.waitFor(() => expect(calls.calls.some((c) => c.url === '/api/v1/political-groups')).toBe(true));
    fireEvent.click(groupInput);
    const groups = document.getElementById(groupInput.getAttribute('aria-controls') ?? '') as HTMLElement;
    fireEvent.click(await within(groups).findByRole('option', { name: 'Unis pour le Mont-Dore', hidden: true }));
    fireEvent.click(screen.getByRole('button', { name: 'Filtrer' }));
    await vi.waitFor(() =>
      expect(calls.calls.map((c) => c.url)).toContain(`/api/v1/contacts?limit=50&groupId=${GROUP.id}&mandate=maire`),
    );
  });

  it('offer no group filter to an official (the API refuses it), and no import button', async () => {
    const calls = api();
    vi.stubGlobal('fetch', calls.fn);
    renderApp(<ContactsPage />, { path: '/directory', me: fakeMe('official', ['directory']) });
    expect(await screen.findByLabelText('Mandat en cours', { selector: 'input' })).toBeDefined();
    expect(screen.queryByLabelText('Groupe politique', { selector: 'input' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Importer' })).toBeNull();
    expect(calls.calls.some((c) => c.url === '/api/v1/political-groups')).toBe(false);
  });

  it('lead the secretariat to the import wizard', async () => {
    vi.stubGlobal('fetch', api().fn);
    renderApp(<ContactsPage />, { path: '/directory', me: fakeMe('secretariat', ['directory']) });
    expect((await screen.findByRole('link', { name: 'Importer' })).getAttribute('href')).toBe('/directory/import');
  });
});
