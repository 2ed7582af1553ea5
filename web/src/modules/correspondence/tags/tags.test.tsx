import type { TCorrespondence } from '@dircab/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMe, fetchRouting, renderApp } from '../../../test/render';
import { InboxPage } from '../InboxPage';
import { EMPTY_INBOX_FILTERS } from '../inbox-filters';
import { fromViewFilters, toViewFilters } from '../saved-views';
import '../test-stubs';
import { cleanTags, tagChanges } from './tag-changes';

afterEach(() => vi.unstubAllGlobals());

const item = (n: number, extra: Partial<TCorrespondence> = {}): TCorrespondence => ({
  id: `0190a000-0000-7000-8000-00000000020${n}`,
  direction: 'in',
  registrationNumber: `2026-A-00010${n}`,
  year: 2026,
  sequence: 100 + n,
  channel: 'postal',
  typeId: null,
  subject: `Demande ${n}`,
  body: '',
  receivedAt: '2026-11-20T22:00:00.000Z',
  senderContactId: null,
  sender: { name: `Administré ${n}`, email: null, phone: null, address: null },
  topic: null,
  territoryId: null,
  priority: 'normal',
  confidentiality: 'normal',
  members: [],
  status: 'registered',
  dueDate: null,
  implicitDecisionDate: null,
  implicitDecisionRule: null,
  serviceIds: [],
  leadServiceId: null,
  leadUserId: null,
  inReplyToId: null,
  caseId: null,
  tags: [],
  createdAt: '2026-11-20T22:00:00.000Z',
  updatedAt: '2026-11-20T22:00:00.000Z',
  policies: { read: true, route: true, tag: true },
  ...extra,
});

const ITEMS = [item(1, { tags: ['Voirie', 'Urgent élu'] }), item(2, { policies: { read: true, tag: false } })];

function Location() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}

function inbox(path = '/correspondence') {
  const api = fetchRouting((method, url) => {
    if (url.startsWith('/api/v1/correspondence/views')) return [200, { data: [], nextCursor: null }];
    if (url.startsWith('/api/v1/correspondence/queues'))
      return [200, { mine: 0, my_service: 0, to_review: 0, to_sign: 0, overdue: 0, due_this_week: 0 }];
    if (url.startsWith('/api/v1/correspondence/types')) return [200, { data: [], nextCursor: null, policies: {} }];
    if (url.startsWith('/api/v1/correspondence/tags') && method === 'GET')
      return [200, { data: [{ tag: 'Piscine', count: 4 }] }];
    if (url === '/api/v1/correspondence/tags' && method === 'POST') return [200, { updated: 1, skippedIds: [] }];
    if (url.startsWith('/api/v1/correspondence?')) return [200, { data: ITEMS, nextCursor: null }];
    if (url.startsWith('/api/v1/services')) return [200, { data: [], nextCursor: null }];
    if (url.startsWith('/api/v1/territories')) return [200, { data: [], nextCursor: null }];
    return undefined;
  });
  vi.stubGlobal('fetch', api.fn);
  renderApp(
    <>
      <Routes>
        <Route path="/correspondence" element={<InboxPage />} />
      </Routes>
      <Location />
    </>,
    { path, me: fakeMe('secretariat', ['home', 'correspondence']) },
  );
  return api;
}

const key = (k: string) => fireEvent.keyDown(document.body, { key: k });
const posts = (api: ReturnType<typeof inbox>) =>
  api.calls.filter((c) => c.method === 'POST' && c.url === '/api/v1/correspondence/tags');

describe('tag changes', () => {
  it('sends only what changed, compared by key, and a new spelling as a removal and an addition', () => {
    expect(tagChanges(['Voirie', 'Urgent'], ['voirie ', 'Urgent', 'Piscine'])).toEqual({
      add: ['voirie ', 'Piscine'],
      remove: ['Voirie'],
    });
    expect(tagChanges(['Voirie'], ['Voirie'])).toEqual({ add: [], remove: [] });
    expect(tagChanges(['Voirie', 'Urgent'], [])).toEqual({ add: [], remove: ['Voirie', 'Urgent'] });
  });

  it('cleans spaces and drops a second spelling of one tag', () => {
    expect(cleanTags(['  Marché   de Noël ', 'marché de noël', '', 'Noël'])).toEqual(['Marché de Noël', 'Noël']);
    expect(cleanTags(['Voirie, éclairage;Noël'])).toEqual(['Voirie', 'éclairage', 'Noël']);
  });

  it('keeps the tag filter in a saved view and brings it back', () => {
    const filters = { ...EMPTY_INBOX_FILTERS, tag: ' Voirie ' };
    expect(toViewFilters(filters)).toEqual({ tag: 'Voirie' });
    expect(fromViewFilters({ tag: 'Voirie' }).tag).toBe('Voirie');
  });
});

describe('tags in the inbox', { timeout: 20_000 }, () => {
  it('shows an item’s tags as badges on its row', async () => {
    inbox();
    await screen.findByRole('link', { name: '2026-A-000101' });
    const list = screen.getByRole('list', { name: 'Étiquettes' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((x) => x.textContent),
    ).toEqual(['Voirie', 'Urgent élu']);
  });

  it('opens the tag picker on the active row with t, and saves only the change', async () => {
    const api = inbox();
    await screen.findByRole('link', { name: '2026-A-000101' });
    key('t');
    const dialog = await screen.findByRole('dialog', { name: 'Étiquettes du courrier 2026-A-000101' });
    const input = within(dialog).getByLabelText('Étiquettes', { selector: 'input' });
    fireEvent.change(input, { target: { value: 'Piscine' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    const pills = dialog.querySelectorAll('.mantine-Pill-root');
    expect([...pills].map((p) => p.textContent)).toEqual(['Voirie', 'Urgent élu', 'Piscine']);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer les étiquettes' }));
    await vi.waitFor(() => expect(posts(api)).toHaveLength(1));
    expect(posts(api)[0]?.body).toEqual({ itemIds: [ITEMS[0]?.id], add: ['Piscine'], remove: [] });
    expect(await screen.findByText('Étiquettes du courrier 2026-A-000101 enregistrées.')).toBeDefined();
  });

  it('lists « t » among the shortcuts, and refuses it on a row the user may not tag', async () => {
    const api = inbox();
    await screen.findByRole('link', { name: '2026-A-000101' });
    key('j');
    key('t');
    expect(await screen.findByText('Vous ne pouvez pas étiqueter ce courrier.')).toBeDefined();
    expect(screen.queryByRole('dialog', { name: /Étiquettes du courrier/ })).toBeNull();
    key('?');
    const help = await screen.findByRole('dialog', { name: 'Raccourcis clavier du courrier' });
    expect(within(help).getByText('Étiqueter le courrier')).toBeDefined();
    expect(posts(api)).toEqual([]);
  });

  it('filters by tag: the URL and the API request carry it', async () => {
    const api = inbox();
    await screen.findByRole('link', { name: '2026-A-000101' });
    fireEvent.change(screen.getByLabelText('Étiquette', { selector: 'input' }), { target: { value: 'Voirie' } });
    fireEvent.click(screen.getByRole('button', { name: 'Filtrer' }));
    await vi.waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/correspondence?tag=Voirie'));
    await vi.waitFor(() =>
      expect(api.calls.some((c) => c.url.includes('/api/v1/correspondence?tag=Voirie'))).toBe(true),
    );
  });

  it('tags the selected items in one request, only those the user may tag', async () => {
    const api = inbox();
    await screen.findByRole('link', { name: '2026-A-000101' });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Tout sélectionner' }));
    // The selection's toolbar is fetched with the first selection.
    const bulk = await screen.findByRole('region', { name: 'Actions sur la sélection' });
    const input = within(bulk).getByLabelText('Étiquettes à ajouter ou retirer', { selector: 'input' });
    (input as HTMLInputElement).focus();
    fireEvent.change(input, { target: { value: 'Marché de Noël' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect([...bulk.querySelectorAll('.mantine-Pill-root')].map((p) => p.textContent)).toEqual(['Marché de Noël']);
    fireEvent.click(within(bulk).getByRole('button', { name: 'Ajouter (1)' }));
    await vi.waitFor(() => expect(posts(api)).toHaveLength(1));
    expect(posts(api)[0]?.body).toEqual({ itemIds: [ITEMS[0]?.id], add: ['Marché de Noël'], remove: [] });
  });
});
