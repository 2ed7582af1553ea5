import type { TContact, TPersonalDataExport } from '@dircab/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMe, fetchRouting, renderApp } from '../../../test/render';
import { DirectoryTabs } from '../DirectoryTabs';
import { CsvExportButton } from './CsvExportButton';
import { PersonalDataExportPage } from './PersonalDataExportPage';
import { PersonalDataPanel } from './PersonalDataPanel';
import { contactsCsvUrl } from './privacy-api';
import { RetentionPage } from './RetentionPage';

afterEach(() => vi.unstubAllGlobals());

const ID = '0190a000-0000-7000-8000-0000000000a1';
const CONTACT: TContact = {
  id: ID,
  kind: 'person',
  civility: 'Mme',
  firstName: 'Julie',
  lastName: 'JULIÉ',
  name: null,
  orgType: null,
  formOfAddress: null,
  jobTitle: null,
  employer: null,
  addresses: [{ label: null, line1: '1 rue de la Mairie', line2: null, postcode: '98809', city: 'Mont-Dore' }],
  emails: [{ label: null, email: 'julie@exemple.nc' }],
  phones: [],
  territoryId: null,
  tags: ['riverain'],
  notes: 'Rappeler après le conseil.',
  source: null,
  consent: false,
  consentDate: null,
  confidentiality: 'normal',
  members: [],
  displayName: 'Julie JULIÉ',
  sortName: 'julie julie',
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  policies: { read: true, update: true, delete: true },
};

const EXPORT: TPersonalDataExport = {
  generatedAt: '2026-11-23T01:00:00.000Z',
  organisation: { id: 'org', name: 'Ville du Mont-Dore' },
  contact: { ...CONTACT, lastActivityAt: '2026-11-02T00:00:00.000Z', anonymisedAt: null },
  territory: 'Boulari',
  mandates: [
    {
      id: 'm1',
      function: 'maire',
      rank: null,
      label: 'Maire',
      body: 'conseil_municipal',
      bodyName: null,
      collectivityCode: '98817',
      collectivityName: 'Mont-Dore',
      startDate: '2020-07-04',
      endDate: null,
      isOwnOrganisation: true,
      source: null,
    },
  ],
  official: {
    portfolios: ['Finances'],
    politicalGroup: { name: 'Avenir Mont-Dore', side: 'majority' },
    linkedToUserAccount: true,
  },
  identities: [{ source: 'rne', key: 'julie|julie|1975-01-01', createdAt: '2026-11-01T00:00:00.000Z' }],
  sources: [
    {
      key: 'relations',
      data: [
        {
          id: 'r1',
          kind: 'chairs',
          direction: 'outgoing',
          other: { id: 'c2', displayName: 'Association X', kind: 'organisation' },
          label: null,
          startDate: '2024-01-01',
          endDate: null,
        },
      ],
    },
    { key: 'letters', data: { count: 2 } },
  ],
  audit: [
    { id: 'a2', action: 'contact.export', actorName: 'Hélène Boyer', summary: {}, at: '2026-11-23T01:00:00.000Z' },
    { id: 'a1', action: 'contact.create', actorName: null, summary: {}, at: '2026-11-01T00:00:00.000Z' },
  ],
  auditTruncated: false,
};

const heads = fakeMe('chief_of_staff', ['home', 'directory']);

describe('the contact page’s personal data block', () => {
  it('opens the export page and erases with a required reason', async () => {
    const api = fetchRouting((method, url) =>
      method === 'POST' && url === `/api/v1/contacts/${ID}/erase` ? [204] : undefined,
    );
    vi.stubGlobal('fetch', api.fn);
    renderApp(<PersonalDataPanel contact={CONTACT} />, { me: heads });
    const region = screen.getByRole('region', { name: 'Données personnelles' });
    expect(within(region).getByRole('link', { name: 'Voir l’export des données' }).getAttribute('href')).toBe(
      `/directory/contacts/${ID}/export`,
    );
    fireEvent.click(within(region).getByRole('button', { name: 'Effacer les données…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Effacer les données de cette personne' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Effacer définitivement' }));
    expect(await within(dialog).findByText(/Indiquez le motif/)).toBeDefined();
    expect(api.calls).toEqual([]);
    fireEvent.change(within(dialog).getByLabelText(/Motif de l’effacement/), {
      target: { value: 'Courriel du 20 novembre' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Effacer définitivement' }));
    await vi.waitFor(() =>
      expect(api.calls).toEqual([
        { method: 'POST', url: `/api/v1/contacts/${ID}/erase`, body: { reason: 'Courriel du 20 novembre' } },
      ]),
    );
  });

  it('shows the server’s 409 in French', async () => {
    vi.stubGlobal(
      'fetch',
      fetchRouting(() => [
        409,
        {
          title: 'Conflit',
          status: 409,
          detail: 'Ce contact est un élu de l’organisation dont le mandat est en cours.',
        },
      ]).fn,
    );
    renderApp(<PersonalDataPanel contact={CONTACT} />, { me: heads });
    fireEvent.click(screen.getByRole('button', { name: 'Effacer les données…' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/Motif de l’effacement/), { target: { value: 'Demande' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Effacer définitivement' }));
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(/mandat est en cours/);
  });

  it('is not offered to an advisor', () => {
    renderApp(<PersonalDataPanel contact={CONTACT} />, { me: fakeMe('advisor', ['home', 'directory']) });
    expect(screen.queryByRole('region', { name: 'Données personnelles' })).toBeNull();
  });
});

describe('the readable export', () => {
  it('shows every section with the group, prints, and downloads the JSON', async () => {
    vi.stubGlobal(
      'fetch',
      fetchRouting((_m, url) => (url === `/api/v1/contacts/${ID}/export` ? [200, EXPORT] : undefined)).fn,
    );
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const createObjectURL = vi.fn(() => 'blob:x');
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = vi.fn();
    renderApp(
      <Routes>
        <Route path="/directory/contacts/:id/export" element={<PersonalDataExportPage />} />
      </Routes>,
      { path: `/directory/contacts/${ID}/export`, me: heads },
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Données personnelles : Julie JULIÉ' })).toBeDefined();
    expect(screen.getByText('julie@exemple.nc')).toBeDefined();
    expect(screen.getByText(/1 rue de la Mairie, 98809 Mont-Dore/)).toBeDefined();
    expect(screen.getByText('Rappeler après le conseil.')).toBeDefined();
    expect(screen.getByText(/Maire · Mont-Dore · depuis le 04\/07\/2020/)).toBeDefined();
    expect(screen.getByText('Avenir Mont-Dore')).toBeDefined();
    expect(screen.getByText('julie|julie|1975-01-01')).toBeDefined();
    expect(screen.getByRole('region', { name: 'Relations avec d’autres contacts' }).textContent).toMatch(
      /préside Association X 2024-01-01/,
    );
    // A source the web has no words for is shown as its data.
    expect(screen.getByRole('region', { name: 'letters' }).textContent).toMatch(/"count": 2/);
    const history = screen.getByRole('region', { name: 'Historique' });
    expect(within(history).getByText('Données personnelles exportées')).toBeDefined();
    expect(within(history).getByText('Traitement automatique')).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: 'Imprimer' }));
    expect(print).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'Télécharger (JSON)' }));
    expect(createObjectURL).toHaveBeenCalledOnce();
  });

  it('says so when the export is not open to the user', async () => {
    vi.stubGlobal('fetch', fetchRouting(() => [403, { title: 'Accès refusé', status: 403 }]).fn);
    renderApp(
      <Routes>
        <Route path="/directory/contacts/:id/export" element={<PersonalDataExportPage />} />
      </Routes>,
      { path: `/directory/contacts/${ID}/export`, me: fakeMe('advisor', ['home', 'directory']) },
    );
    const message = await screen.findByText(/ne vous est pas ouvert/);
    expect(message.closest('[role="alert"]')).not.toBeNull();
  });
});

describe('the retention settings', () => {
  it('loads the periods, saves them and shows a field error from the server', async () => {
    const api = fetchRouting((method, url, body) => {
      if (url !== '/api/v1/privacy/retention') return undefined;
      if (method === 'GET') {
        return [
          200,
          {
            constituents: 36,
            otherOfficials: 72,
            ownOfficials: 72,
            organisationNotes: 60,
            isDefault: true,
            updatedAt: null,
            policies: { update: true },
          },
        ];
      }
      const b = body as { constituents: number };
      if (b.constituents > 240) {
        return [
          400,
          {
            title: 'Requête invalide',
            status: 400,
            errors: [{ path: 'constituents', message: 'La durée de conservation est d’au plus 240 mois (20 ans).' }],
          },
        ];
      }
      return [
        200,
        { ...(body as object), isDefault: false, updatedAt: '2026-11-23T00:00:00.000Z', policies: { update: true } },
      ];
    });
    vi.stubGlobal('fetch', api.fn);
    renderApp(<RetentionPage />, { path: '/directory/privacy', me: heads });
    const constituents = (await screen.findByLabelText(/Administrés/)) as HTMLInputElement;
    expect(constituents.value).toBe('36');
    expect(screen.getByText(/durées par défaut/)).toBeDefined();
    fireEvent.change(constituents, { target: { value: '24' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await vi.waitFor(() =>
      expect(api.calls.find((c) => c.method === 'PUT')?.body).toEqual({
        constituents: 24,
        otherOfficials: 72,
        ownOfficials: 72,
        organisationNotes: 60,
      }),
    );
    fireEvent.change(constituents, { target: { value: '300' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('La durée de conservation est d’au plus 240 mois (20 ans).')).toBeDefined();
  });

  it('is linked from the directory tabs for the heads, not for an advisor', () => {
    const { unmount } = renderApp(<DirectoryTabs />, { path: '/directory', me: heads });
    expect(screen.getByRole('link', { name: 'Données personnelles' }).getAttribute('href')).toBe('/directory/privacy');
    unmount();
    renderApp(<DirectoryTabs />, { path: '/directory', me: fakeMe('advisor', ['home', 'directory']) });
    expect(screen.queryByRole('link', { name: 'Données personnelles' })).toBeNull();
  });
});

describe('the CSV export button', () => {
  it('links to the export with the applied filters, never the group nor the page', () => {
    expect(
      contactsCsvUrl({ q: ' julie ', kind: 'person', tag: '', territoryId: '', mandate: 'maire', limit: '50' }),
    ).toBe('/api/v1/contacts/export.csv?q=julie&kind=person&mandate=maire');
    renderApp(
      <CsvExportButton
        filters={{ q: '', kind: 'organisation', tag: 'voirie', territoryId: '', groupId: '', mandate: '' }}
      />,
      {
        me: fakeMe('executive', ['home', 'directory']),
      },
    );
    const link = screen.getByRole('link', { name: 'Exporter (CSV)' });
    expect(link.getAttribute('href')).toBe('/api/v1/contacts/export.csv?kind=organisation&tag=voirie');
    expect(link.hasAttribute('download')).toBe(true);
  });

  it('is disabled with a reason when the list is filtered by political group', () => {
    renderApp(<CsvExportButton filters={{ groupId: '0190a000-0000-7000-8000-0000000000g1' }} />, { me: heads });
    const button = screen.getByRole('button', { name: 'Exporter (CSV)' });
    expect(button.hasAttribute('disabled')).toBe(true);
    expect(screen.getByText(/l’appartenance politique ne sort pas/)).toBeDefined();
  });

  it('is not offered to advisors nor to the services', () => {
    for (const role of ['advisor', 'services'] as const) {
      const { unmount } = renderApp(<CsvExportButton filters={{}} />, { me: fakeMe(role, ['home', 'directory']) });
      expect(screen.queryByRole('link', { name: 'Exporter (CSV)' })).toBeNull();
      unmount();
    }
  });
});
