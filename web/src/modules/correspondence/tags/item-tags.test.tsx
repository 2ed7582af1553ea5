import type { TCorrespondenceDetail } from '@dircab/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMe, fetchRouting, renderApp } from '../../../test/render';
import { ItemPage } from '../ItemPage';
import '../test-stubs';

afterEach(() => vi.unstubAllGlobals());

const ID = '0190a000-0000-7000-8000-000000000501';

const ITEM: TCorrespondenceDetail = {
  id: ID,
  direction: 'in',
  registrationNumber: '2026-A-000042',
  year: 2026,
  sequence: 42,
  channel: 'email',
  typeId: null,
  subject: 'Éclairage du wharf de Plum',
  body: 'Le lampadaire est éteint.',
  receivedAt: '2026-11-20T22:00:00.000Z',
  senderContactId: null,
  sender: { name: 'Armelle Tein', email: 'armelle.tein@example.nc', phone: null, address: null },
  topic: null,
  territoryId: null,
  priority: 'normal',
  confidentiality: 'normal',
  members: [],
  status: 'routed',
  dueDate: null,
  implicitDecisionDate: null,
  implicitDecisionRule: null,
  serviceIds: [],
  leadServiceId: null,
  leadUserId: null,
  inReplyToId: null,
  caseId: null,
  tags: ['Voirie', 'Urgent élu'],
  createdAt: '2026-11-20T22:00:00.000Z',
  updatedAt: '2026-11-20T22:00:00.000Z',
  policies: { read: true, tag: true },
  routings: [],
  suggestion: null,
  reply: null,
};

function page(item: TCorrespondenceDetail, role: 'secretariat' | 'services' = 'secretariat') {
  // The server as it stands after each call: the tags follow the last bulk change.
  let current = item;
  const api = fetchRouting((method, url, body) => {
    if (url === `/api/v1/correspondence/${ID}`) return [200, current];
    if (method === 'POST' && url === '/api/v1/correspondence/tags') {
      const change = body as { add: string[]; remove: string[] };
      current = { ...current, tags: [...current.tags.filter((x) => !change.remove.includes(x)), ...change.add] };
      return [200, { updated: 1, skippedIds: [] }];
    }
    if (method === 'GET') return [200, { data: [], nextCursor: null }];
    return undefined;
  });
  vi.stubGlobal('fetch', api.fn);
  renderApp(
    <Routes>
      <Route path="/correspondence/items/:id" element={<ItemPage />} />
    </Routes>,
    { path: `/correspondence/items/${ID}`, me: fakeMe(role, ['correspondence']) },
  );
  return api;
}

const shownTags = () =>
  within(screen.getByRole('list', { name: 'Étiquettes' }))
    .getAllByRole('listitem')
    .map((li) => li.textContent);

describe('tags on the item page', { timeout: 20_000 }, () => {
  it('shows the tags and lets one who may tag remove one and add another, saving only the change', async () => {
    const api = page(ITEM);
    expect(await screen.findByRole('heading', { level: 1, name: 'Éclairage du wharf de Plum' })).toBeDefined();
    expect(shownTags()).toEqual(['Voirie', 'Urgent élu']);

    fireEvent.click(screen.getByRole('button', { name: 'Modifier les étiquettes' }));
    const dialog = await screen.findByRole('dialog', { name: 'Étiquettes du courrier 2026-A-000042' });
    const voirie = [...dialog.querySelectorAll('.mantine-Pill-root')].find((p) => p.textContent === 'Voirie');
    fireEvent.click(voirie?.querySelector('.mantine-Pill-remove') as Element);
    const input = within(dialog).getByLabelText('Étiquettes', { selector: 'input' });
    fireEvent.change(input, { target: { value: 'Plum' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer les étiquettes' }));

    await vi.waitFor(() =>
      expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({
        itemIds: [ID],
        add: ['Plum'],
        remove: ['Voirie'],
      }),
    );
    // The page reloads the item: its badges now show the server's tags.
    await vi.waitFor(() => expect(shownTags()).toEqual(['Urgent élu', 'Plum']));
    expect(screen.queryByRole('dialog', { name: /Étiquettes du courrier/ })).toBeNull();
  });

  it('shows the tags without the button to one the server does not let tag', async () => {
    page({ ...ITEM, policies: { read: true } }, 'services');
    expect(await screen.findByRole('heading', { level: 1, name: 'Éclairage du wharf de Plum' })).toBeDefined();
    expect(shownTags()).toEqual(['Voirie', 'Urgent élu']);
    expect(screen.queryByRole('button', { name: 'Modifier les étiquettes' })).toBeNull();
  });

  it('invites one who may tag an untagged item to add its first tags', async () => {
    page({ ...ITEM, tags: [] });
    expect(await screen.findByText('Aucune étiquette')).toBeDefined();
    expect(screen.getByRole('button', { name: 'Modifier les étiquettes' })).toBeDefined();
  });
});
