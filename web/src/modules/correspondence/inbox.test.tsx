import type { TCorrespondenceSummary } from '@dircab/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMe, fetchRouting, renderApp } from '../../test/render';
import { InboxPage } from './InboxPage';
import { filtersFromSearch, filtersToSearch, toApiParams } from './inbox-filters';
import './test-stubs';
import { keyBelongsToTarget } from './use-inbox-keys';

afterEach(() => vi.unstubAllGlobals());

const item = (n: number, extra: Partial<TCorrespondenceSummary> = {}): TCorrespondenceSummary => ({
  id: `0190a000-0000-7000-8000-00000000010${n}`,
  direction: 'in',
  registrationNumber: `2026-A-00000${n}`,
  year: 2026,
  sequence: n,
  channel: 'phone',
  typeId: null,
  subject: `Objet ${n}`,
  excerpt: '',
  receivedAt: '2026-11-20T22:00:00.000Z',
  senderContactId: null,
  sender: { name: `Expéditeur ${n}`, email: null, phone: null, address: null },
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
  policies: { read: true, update: true, route: true },
  ...extra,
});

const SERVICE_ID = '0190a000-0000-7000-8000-0000000000s1';
const ITEMS = [
  item(1, { dueDate: '2020-01-02' }),
  item(2, { status: 'routed', policies: { read: true, accept: true } }),
  item(3, { excerpt: 'Madame la Maire, le lampadaire devant le numéro 12 est éteint…' }),
];

function Location() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}

const VIEW = {
  id: '0190a000-0000-7000-8000-000000000301',
  name: 'Voirie en retard',
  filters: { queue: 'overdue', topic: 'voirie' },
  createdAt: '2026-11-20T22:00:00.000Z',
  policies: { delete: true },
};

function inbox(path = '/correspondence', role: 'secretariat' | 'chief_of_staff' = 'secretariat') {
  const api = fetchRouting((method, url) => {
    if (url.startsWith('/api/v1/correspondence/views'))
      return method === 'POST'
        ? [201, { ...VIEW, id: 'new', name: 'Mes appels' }]
        : [200, { data: [VIEW], nextCursor: null }];
    if (url.startsWith('/api/v1/correspondence/queues'))
      return [200, { mine: 0, my_service: 0, to_review: 1, to_sign: 2, overdue: 1, due_this_week: 0 }];
    if (url.startsWith('/api/v1/correspondence/types')) return [200, { data: [], nextCursor: null }];
    if (url.startsWith('/api/v1/correspondence?')) return [200, { data: ITEMS, nextCursor: null }];
    if (url.startsWith('/api/v1/services'))
      return [200, { data: [{ id: SERVICE_ID, name: 'Services techniques', topics: ['voirie'] }], nextCursor: null }];
    if (url.startsWith('/api/v1/territories')) return [200, { data: [], nextCursor: null }];
    if (method === 'POST' && (url.endsWith('/route') || url.endsWith('/accept')))
      return [200, { registrationNumber: '2026-A-000001' }];
    return undefined;
  });
  vi.stubGlobal('fetch', api.fn);
  renderApp(
    <>
      <Routes>
        <Route path="/correspondence" element={<InboxPage />} />
        <Route path="/correspondence/items/:id" element={<h1>Page du courrier</h1>} />
      </Routes>
      <Location />
    </>,
    { path, me: fakeMe(role, ['home', 'correspondence']) },
  );
  return api;
}

const key = (k: string, target: Element = document.body) => fireEvent.keyDown(target, { key: k });

describe('the inbox filters', { timeout: 20_000 }, () => {
  it('read the URL, drop what the API would refuse, and write back only what is set', () => {
    const filters = filtersFromSearch(new URLSearchParams('queue=to_route&status=nope&channel=phone&from=2026-11'));
    expect(filters).toMatchObject({ queue: 'to_route', status: '', channel: 'phone', from: '' });
    expect(filtersToSearch(filters).toString()).toBe('queue=to_route&channel=phone');
    // « À imputer » is the registered status on the API; the server's queues pass as they are.
    expect(toApiParams(filters)).toMatchObject({ status: 'registered', queue: undefined, channel: 'phone' });
    expect(toApiParams({ ...filters, queue: 'overdue' })).toMatchObject({ queue: 'overdue', status: '' });
  });

  it('asks the API with the filters of the URL, and puts the applied ones in the URL', async () => {
    const api = inbox('/correspondence?queue=to_route&channel=phone');
    expect(await screen.findByRole('link', { name: '2026-A-000001' })).toBeDefined();
    expect(api.calls.some((c) => c.url === '/api/v1/correspondence?status=registered&channel=phone&limit=50')).toBe(
      true,
    );
    fireEvent.change(screen.getByRole('searchbox', { name: /Numéro ou objet/ }), { target: { value: 'voirie' } });
    fireEvent.click(screen.getByRole('button', { name: 'Filtrer' }));
    await vi.waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe('/correspondence?queue=to_route&channel=phone&q=voirie'),
    );
    await vi.waitFor(() =>
      expect(api.calls.some((c) => c.url.includes('status=registered&channel=phone&q=voirie'))).toBe(true),
    );
  });

  it('shows under its subject the opening of each letter that has a text', async () => {
    inbox();
    const row = (await screen.findByRole('link', { name: '2026-A-000003' })).closest('tr');
    expect(row?.textContent).toContain('Madame la Maire, le lampadaire devant le numéro 12 est éteint…');
    const first = screen.getByRole('link', { name: '2026-A-000001' }).closest('tr');
    expect(first?.querySelectorAll('td')[4]?.textContent).toBe('Objet 1');
  });

  it('offers the person filter to the heads, who may look members up, and to no one else', async () => {
    inbox('/correspondence', 'chief_of_staff');
    expect(await screen.findByRole('link', { name: '2026-A-000001' })).toBeDefined();
    expect(screen.getByLabelText('Personne', { selector: 'input' })).toBeDefined();
  });

  it('leaves the person filter out for the secretariat (the member lookup would refuse it)', async () => {
    const api = inbox();
    expect(await screen.findByRole('link', { name: '2026-A-000001' })).toBeDefined();
    expect(screen.queryByLabelText('Personne', { selector: 'input' })).toBeNull();
    expect(api.calls.filter((c) => c.url.startsWith('/api/v1/members/lookup'))).toEqual([]);
  });

  it('gives the secretariat the « Réglages » button: it manages the reply templates, not the item types', async () => {
    inbox();
    expect(await screen.findByRole('link', { name: '2026-A-000001' })).toBeDefined();
    const nav = screen.getByRole('navigation', { name: 'Pilotage du courrier' });
    const buttons = screen.getAllByRole('link', { name: 'Réglages' }).filter((a) => !nav.contains(a));
    expect(buttons.map((a) => a.getAttribute('href'))).toEqual(['/correspondence/settings']);
  });

  it('switches queue from the left column, with its count', async () => {
    inbox();
    const queues = await screen.findByRole('navigation', { name: 'Files de courrier' });
    fireEvent.click(within(queues).getByRole('button', { name: /À signer/ }));
    await vi.waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/correspondence?queue=to_sign'));
    expect(within(queues).getByRole('button', { name: /À signer/ }).textContent).toContain('2');
  });

  it('opens a saved view, and saves the filters applied under a name', async () => {
    const api = inbox('/correspondence?channel=phone');
    await screen.findByRole('link', { name: '2026-A-000001' });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la vue' }));
    const dialog = await screen.findByRole('dialog', { name: 'Enregistrer la vue' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Nom de la vue/ }), {
      target: { value: 'Mes appels' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await vi.waitFor(() =>
      expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({
        name: 'Mes appels',
        filters: { channel: 'phone' },
      }),
    );
    fireEvent.click(screen.getByLabelText('Vues enregistrées', { selector: 'input' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Voirie en retard', hidden: true }));
    await vi.waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe('/correspondence?queue=overdue&topic=voirie'),
    );
  });

  it('routes the selected items to one service, one call each', async () => {
    const api = inbox();
    await screen.findByRole('link', { name: '2026-A-000001' });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Sélectionner le courrier 2026-A-000001' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Sélectionner le courrier 2026-A-000003' }));
    // The selection's toolbar is fetched with the first selection.
    const bulk = await screen.findByRole('region', { name: 'Actions sur la sélection' });
    fireEvent.click(within(bulk).getByLabelText('Imputer au service', { selector: 'input' }));
    // The filters' service select has the same option: the bulk one opened last.
    const options = await screen.findAllByRole('option', { name: 'Services techniques', hidden: true });
    fireEvent.click(options.at(-1) as HTMLElement);
    fireEvent.click(within(bulk).getByRole('button', { name: 'Imputer (2)' }));
    await vi.waitFor(() => expect(api.calls.filter((c) => c.url.endsWith('/route'))).toHaveLength(2));
    for (const call of api.calls.filter((c) => c.url.endsWith('/route')))
      expect(call.body).toEqual({ assignments: [{ serviceId: SERVICE_ID, mode: 'action' }] });
    expect(await screen.findByText('2 courrier(s) traité(s), 0 refusé(s).')).toBeDefined();
  });

  it('shows an overdue due date as « En retard »', async () => {
    inbox();
    expect(await screen.findByText(/02\/01\/2020 · En retard/)).toBeDefined();
  });
});

describe('the inbox keyboard', { timeout: 20_000 }, () => {
  it('moves with j and k, opens with Entrée', async () => {
    inbox();
    await screen.findByRole('link', { name: '2026-A-000001' });
    key('j');
    expect(document.activeElement?.textContent).toBe('2026-A-000002');
    key('j');
    key('k');
    expect(document.activeElement?.textContent).toBe('2026-A-000002');
    key('ArrowDown');
    expect(document.activeElement?.textContent).toBe('2026-A-000003');
    // The last row stays the last.
    key('j');
    expect(document.activeElement?.textContent).toBe('2026-A-000003');
    key('Enter');
    await vi.waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe(`/correspondence/items/${ITEMS[2]?.id}`),
    );
  });

  it('leaves the keys typed in a field alone', async () => {
    inbox();
    await screen.findByRole('link', { name: '2026-A-000001' });
    const search = screen.getByRole('searchbox', { name: /Numéro ou objet/ });
    search.focus();
    key('j', search);
    key('?', search);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(search);
    expect(keyBelongsToTarget(search, 'j')).toBe(true);
    expect(keyBelongsToTarget(document.body, 'j')).toBe(false);
  });

  it('lists the shortcuts with « ? », and selects with x', async () => {
    inbox();
    await screen.findByRole('link', { name: '2026-A-000001' });
    key('x');
    expect(screen.getByRole('checkbox', { name: 'Sélectionner le courrier 2026-A-000001' })).toHaveProperty(
      'checked',
      true,
    );
    expect(screen.getByText('1 courrier(s) sélectionné(s)')).toBeDefined();
    key('?');
    const dialog = await screen.findByRole('dialog', { name: 'Raccourcis clavier du courrier' });
    expect(within(dialog).getByText('Imputer (la suggestion est présélectionnée)')).toBeDefined();
  });

  it('takes the active item on with a: accept for its lead, routed to me for the cabinet', async () => {
    const api = inbox();
    await screen.findByRole('link', { name: '2026-A-000001' });
    // The first row may only be routed (the secretariat): « a » routes it to the actor.
    key('a');
    await vi.waitFor(() =>
      expect(api.calls.find((c) => c.url.endsWith('/route'))?.body).toEqual({
        assignments: [{ userId: fakeMe('secretariat', []).user.id, mode: 'action' }],
      }),
    );
    expect(await screen.findByText('Courrier 2026-A-000001 pris en charge.')).toBeDefined();
    // The second row's lead accepts it.
    key('j');
    key('a');
    await vi.waitFor(() =>
      expect(api.calls.some((c) => c.url === `/api/v1/correspondence/${ITEMS[1]?.id}/accept`)).toBe(true),
    );
  });

  it('opens the routing with i, the suggestion preselected, and routes with Entrée', async () => {
    const api = inbox();
    const detail = {
      ...ITEMS[0],
      routings: [],
      reply: null,
      suggestion: {
        source: 'topic',
        explanation: 'Thème « voirie » : services techniques',
        assignments: [
          {
            serviceId: '0190a000-0000-7000-8000-0000000000s1',
            userId: null,
            mode: 'action',
            label: 'Services techniques',
          },
        ],
        officials: [],
      },
    };
    vi.stubGlobal(
      'fetch',
      fetchRouting((method, url, body) => {
        api.calls.push({ method, url, body });
        if (url === `/api/v1/correspondence/${ITEMS[0]?.id}`) return [200, detail];
        if (url === `/api/v1/correspondence/${ITEMS[0]?.id}/route`) return [200, { ...detail, status: 'routed' }];
        if (url.startsWith('/api/v1/correspondence?')) return [200, { data: ITEMS, nextCursor: null }];
        return [200, { data: [], nextCursor: null }];
      }).fn,
    );
    await screen.findByRole('link', { name: '2026-A-000001' });
    key('i');
    const dialog = await screen.findByRole('dialog', { name: 'Imputer le courrier' });
    expect(await within(dialog).findByText(/Services techniques/)).toBeDefined();
    const submit = within(dialog).getByRole('button', { name: 'Imputer' });
    // Entrée confirms: « Imputer » has the focus once the item is loaded.
    await vi.waitFor(() => expect(document.activeElement).toBe(submit));
    fireEvent.submit(submit.closest('form') as HTMLFormElement);
    await vi.waitFor(() =>
      expect(api.calls.find((c) => c.url.endsWith('/route'))?.body).toEqual({
        assignments: [{ mode: 'action', serviceId: '0190a000-0000-7000-8000-0000000000s1' }],
      }),
    );
  });
});
