import type { TContact } from '@dircab/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../app/api/http';
import { fakeMe, fetchRouting, renderApp } from '../../test/render';
import { ContactFormModal } from './ContactFormModal';
import { ContactPage } from './ContactPage';
import { ContactsPage } from './ContactsPage';
import { contactsUrl, EMPTY_CONTACT_FILTERS } from './directory-api';
import { fieldErrors, formatPhone } from './directory-rules';

afterEach(() => vi.unstubAllGlobals());

const TERRITORY = { id: '0190a000-0000-7000-8000-0000000000t1', name: 'Boulari', code: 'Q01', policies: {} };
const CONTACT: TContact = {
  id: '0190a000-0000-7000-8000-0000000000a1',
  kind: 'person',
  civility: 'Mme',
  firstName: 'Julie',
  lastName: 'JULIÉ',
  name: null,
  orgType: null,
  formOfAddress: 'Madame',
  jobTitle: null,
  employer: null,
  addresses: [],
  emails: [{ label: 'Personnel', email: 'julie@exemple.nc' }],
  phones: [{ label: 'Mobile', number: '+687281234' }],
  territoryId: null,
  tags: ['riverain'],
  notes: null,
  source: null,
  consent: false,
  consentDate: null,
  confidentiality: 'normal',
  members: [],
  displayName: 'Julie JULIÉ',
  sortName: 'julie julie',
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  policies: { read: true, update: true, delete: false },
};

const territories = (url: string) =>
  url.startsWith('/api/v1/territories') ? ([200, { data: [TERRITORY], nextCursor: null }] as const) : undefined;

describe('the contact list', () => {
  it('sends only the filters set, trimmed, with the page', () => {
    expect(contactsUrl(EMPTY_CONTACT_FILTERS, 50, null)).toBe('/api/v1/contacts?limit=50');
    expect(contactsUrl({ q: '  julie ', kind: 'person', tag: ' riverain', territoryId: TERRITORY.id }, 50, 'abc')).toBe(
      `/api/v1/contacts?q=julie&kind=person&tag=riverain&territoryId=${TERRITORY.id}&limit=50&cursor=abc`,
    );
  });

  it('asks the API with the name typed and the kind chosen, and shows the rows', async () => {
    const api = fetchRouting((_m, url) => {
      if (url.startsWith('/api/v1/contacts')) return [200, { data: [CONTACT], nextCursor: null }];
      return territories(url);
    });
    vi.stubGlobal('fetch', api.fn);
    renderApp(<ContactsPage />, { path: '/directory', me: fakeMe('cabinet_head', ['home', 'directory']) });
    expect(await screen.findByRole('link', { name: 'Julie JULIÉ' })).toBeDefined();
    expect(screen.getByText('+687 28 12 34')).toBeDefined();

    fireEvent.change(screen.getByLabelText('Nom', { selector: 'input' }), { target: { value: 'julie' } });
    const kind = screen.getByLabelText('Type', { selector: 'input' });
    fireEvent.click(kind);
    fireEvent.click(await screen.findByRole('option', { name: 'Personne', hidden: true }));
    fireEvent.click(screen.getByRole('button', { name: 'Filtrer' }));
    await vi.waitFor(() =>
      expect(api.calls.some((c) => c.url === '/api/v1/contacts?q=julie&kind=person&limit=50')).toBe(true),
    );
  });

  it('offers « Nouveau contact » to the cabinet, not to an official', async () => {
    vi.stubGlobal(
      'fetch',
      fetchRouting((_m, url) =>
        url.startsWith('/api/v1/contacts') ? [200, { data: [], nextCursor: null }] : territories(url),
      ).fn,
    );
    const { unmount } = renderApp(<ContactsPage />, { path: '/directory', me: fakeMe('secretariat', ['directory']) });
    expect(await screen.findByRole('button', { name: 'Nouveau contact' })).toBeDefined();
    unmount();
    renderApp(<ContactsPage />, { path: '/directory', me: fakeMe('official', ['directory']) });
    expect(await screen.findByText('Aucun contact ne correspond à ces critères.')).toBeDefined();
    expect(screen.queryByRole('button', { name: 'Nouveau contact' })).toBeNull();
  });
});

describe('the contact page', () => {
  const page = (role: 'cabinet_head' | 'advisor', answer: readonly [number, unknown]) => {
    vi.stubGlobal(
      'fetch',
      fetchRouting((_m, url) => (url === `/api/v1/contacts/${CONTACT.id}` ? answer : territories(url))).fn,
    );
    renderApp(
      <Routes>
        <Route path="/directory/contacts/:id" element={<ContactPage />} />
      </Routes>,
      { path: `/directory/contacts/${CONTACT.id}`, me: fakeMe(role, ['directory']) },
    );
  };

  it('shows the buttons the record’s policies allow, and tel:/mailto: links', async () => {
    page('cabinet_head', [200, CONTACT]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Julie JULIÉ' })).toBeDefined();
    expect(screen.getByRole('button', { name: 'Modifier' })).toBeDefined();
    expect(screen.queryByRole('button', { name: 'Supprimer' })).toBeNull();
    expect(screen.getByRole('link', { name: '+687 28 12 34' }).getAttribute('href')).toBe('tel:+687281234');
    expect(screen.getByRole('link', { name: 'julie@exemple.nc' }).getAttribute('href')).toBe('mailto:julie@exemple.nc');
  });

  it('hides edit and delete when the policies refuse them', async () => {
    page('advisor', [200, { ...CONTACT, policies: { read: true, update: false, delete: false } }]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Julie JULIÉ' })).toBeDefined();
    expect(screen.queryByRole('button', { name: 'Modifier' })).toBeNull();
  });

  it('says in French that the contact is not there when the server answers 404', async () => {
    page('advisor', [404, { title: 'Not Found', status: 404 }]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Contact introuvable' })).toBeDefined();
    expect(screen.getByText(/vous n’êtes pas autorisé\(e\) à le consulter/)).toBeDefined();
  });
});

describe('the contact form', () => {
  it('maps the server’s field paths to the form’s', () => {
    const error = new ApiError(400, {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      errors: [
        { path: 'addresses.0.postcode', message: 'Le code postal doit compter 5 chiffres.' },
        { path: 'phones.1.number', message: 'Numéro de téléphone invalide.' },
        { path: 'phones.1.number', message: 'second message ignored' },
      ],
    });
    expect(fieldErrors(error)).toEqual({
      'addresses.0.postcode': 'Le code postal doit compter 5 chiffres.',
      'phones.1.number': 'Numéro de téléphone invalide.',
    });
    expect(fieldErrors(new Error('x'))).toEqual({});
    expect(formatPhone('+33612345678')).toBe('+33 6 12 34 56 78');
  });

  it('shows a server error next to the address row’s postcode', async () => {
    const api = fetchRouting((method, url) => {
      if (method === 'POST' && url === '/api/v1/contacts') {
        return [
          400,
          {
            title: 'Bad Request',
            status: 400,
            detail: 'Le corps de la requête contient des valeurs invalides.',
            errors: [{ path: 'addresses.0.postcode', message: 'Le code postal doit compter 5 chiffres.' }],
          },
        ];
      }
      return territories(url);
    });
    vi.stubGlobal('fetch', api.fn);
    renderApp(<ContactFormModal opened onClose={() => {}} />, { me: fakeMe('cabinet_head', ['directory']) });
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/Nom de famille/), { target: { value: 'Test' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ajouter une adresse' }));
    fireEvent.change(within(dialog).getByLabelText(/Adresse 1, ligne 1/), { target: { value: '1 rue A' } });
    fireEvent.change(within(dialog).getByLabelText(/Code postal de l’adresse 1/), { target: { value: '988' } });
    fireEvent.change(within(dialog).getByLabelText(/Commune de l’adresse 1/), { target: { value: 'Mont-Dore' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Créer le contact' }));

    expect(await within(dialog).findByText('Le code postal doit compter 5 chiffres.')).toBeDefined();
    const postcode = within(dialog).getByLabelText(/Code postal de l’adresse 1/);
    expect(postcode.getAttribute('aria-invalid')).toBe('true');
    const sent = api.calls.find((c) => c.method === 'POST')?.body as { addresses: unknown[]; members: string[] };
    expect(sent.addresses).toEqual([
      { label: null, line1: '1 rue A', line2: null, postcode: '988', city: 'Mont-Dore', country: null },
    ]);
  });
});
