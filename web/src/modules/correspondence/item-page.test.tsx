import type { TCorrespondenceDetail } from '@dircab/contracts';
import { fireEvent, screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMe, fetchRouting, renderApp } from '../../test/render';
import { ItemPage } from './ItemPage';
import './test-stubs';

afterEach(() => vi.unstubAllGlobals());

const ID = '0190a000-0000-7000-8000-000000000401';
const SERVICE = '0190a000-0000-7000-8000-0000000000s1';
const REVIEWER = '0190a000-0000-7000-8000-000000000777';

const ITEM: TCorrespondenceDetail = {
  id: ID,
  direction: 'in',
  registrationNumber: '2026-A-000007',
  year: 2026,
  sequence: 7,
  channel: 'phone',
  typeId: null,
  subject: 'Nid-de-poule rue des Acacias',
  body: 'Devant le numéro 12.',
  receivedAt: '2026-11-20T22:00:00.000Z',
  senderContactId: '0190a000-0000-7000-8000-000000000499',
  sender: { name: 'Jean Wamytan', email: null, phone: '+687281234', address: '12 rue des Acacias' },
  topic: 'voirie',
  territoryId: null,
  priority: 'normal',
  confidentiality: 'normal',
  members: [],
  status: 'registered',
  dueDate: '2020-01-02',
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
  routings: [],
  suggestion: {
    source: 'topic',
    explanation: 'Thème « voirie » : Services techniques',
    assignments: [{ serviceId: SERVICE, userId: null, mode: 'action', label: 'Services techniques' }],
    officials: [],
  },
  reply: null,
};

const REPLY: TCorrespondenceDetail['reply'] = {
  id: '0190a000-0000-7000-8000-000000000402',
  itemId: ID,
  subject: 'Votre signalement',
  bodyHtml: '<p>Les services reboucheront la chaussée.</p>',
  recipient: { name: 'Jean Wamytan', email: null, address: '12 rue des Acacias' },
  reviewOrder: 'sequential',
  returnComment: null,
  round: 1,
  approvals: [],
  outgoingItemId: null,
  outgoingRegistrationNumber: null,
  sendMethod: null,
  sentAt: null,
  updatedAt: '2026-11-20T22:00:00.000Z',
};

function page(item: TCorrespondenceDetail | null, role: 'secretariat' | 'services' = 'secretariat') {
  // The server as it stands after each call: a routed item is no longer routable.
  let current = item;
  const api = fetchRouting((method, url) => {
    if (url === `/api/v1/correspondence/${ID}`)
      return current ? [200, current] : [404, { title: 'Not Found', status: 404 }];
    if (method === 'POST' && url === `/api/v1/correspondence/${ID}/route` && current) {
      current = { ...current, status: 'routed', suggestion: null, policies: { read: true } };
      return [200, current];
    }
    if (method === 'POST' && url.endsWith('/submit-review') && current) return [200, current];
    if (url.startsWith('/api/v1/correspondence/reviewers?')) {
      const q = new URL(url, 'http://x').searchParams;
      const dircab = { userId: REVIEWER, name: 'Julien Marchal', role: 'chief_of_staff', jobTitle: null, active: true };
      const hit = q.get('ids')?.includes(REVIEWER) || (!!q.get('q') && 'julien marchal'.includes(q.get('q') ?? ''));
      return [200, { data: hit ? [dircab] : [], nextCursor: null }];
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

describe('the item page', { timeout: 20_000 }, () => {
  it('routes as suggested in one click, and says when the item is overdue', async () => {
    const api = page(ITEM);
    expect(await screen.findByRole('heading', { level: 1, name: 'Nid-de-poule rue des Acacias' })).toBeDefined();
    expect(screen.getByText(/Échéance : 02\/01\/2020 · En retard/)).toBeDefined();
    expect(screen.getByRole('link', { name: 'Jean Wamytan' }).getAttribute('href')).toBe(
      '/directory/contacts/0190a000-0000-7000-8000-000000000499',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Imputer comme suggéré' }));
    await vi.waitFor(() =>
      expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({
        assignments: [{ mode: 'action', serviceId: SERVICE }],
      }),
    );
    // The routed item's policies no longer allow routing: the button goes.
    await vi.waitFor(() => expect(screen.queryByRole('button', { name: 'Imputer comme suggéré' })).toBeNull());
  });

  it('shows only the steps the policies allow: a reviewer sees the visa, not the routing', async () => {
    page({
      ...ITEM,
      status: 'in_review',
      suggestion: null,
      policies: { read: true, review: true },
      reply: REPLY,
    });
    expect(await screen.findByText('Les services reboucheront la chaussée.')).toBeDefined();
    expect(screen.getByRole('button', { name: 'Viser' })).toBeDefined();
    expect(screen.getByRole('button', { name: 'Renvoyer pour reprise' })).toBeDefined();
    for (const name of ['Imputer…', 'Signer', 'Modifier la réponse', 'Clore sans réponse', 'Prendre en charge'])
      expect(screen.queryByRole('button', { name })).toBeNull();
  });

  it('asks for what must be redone before returning a draft', async () => {
    const api = page({
      ...ITEM,
      status: 'to_sign',
      suggestion: null,
      reply: REPLY,
      policies: { read: true, sign: true },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Refuser la signature' }));
    const dialog = await screen.findByRole('dialog', { name: 'Renvoyer la réponse sans la signer' });
    fireEvent.click(dialog.querySelector('button[type="submit"]') as HTMLButtonElement);
    expect(await screen.findByText('Ce champ est obligatoire.')).toBeDefined();
    expect(api.calls.filter((c) => c.method === 'POST')).toEqual([]);
  });

  it('lets a service pick its reviewers by name among those who may give a visa', async () => {
    const api = page(
      {
        ...ITEM,
        status: 'reply_drafted',
        suggestion: null,
        policies: { read: true, reply: true, submitReview: true },
        reply: REPLY,
      },
      'services',
    );
    expect(await screen.findByText('Les services reboucheront la chaussée.')).toBeDefined();
    // A first round: no earlier reviewer to fall back on, the server's search offers them.
    const reviewers = screen.getByLabelText('Relecteurs (visa)', { selector: 'input' });
    reviewers.focus();
    fireEvent.change(reviewers, { target: { value: 'marchal' } });
    await vi.waitFor(() =>
      expect(
        api.calls.some((c) => c.url.startsWith('/api/v1/correspondence/reviewers?') && c.url.includes('q=marchal')),
      ).toBe(true),
    );
    // jsdom never ends Mantine's opening transition: the options stay "hidden" to queries.
    fireEvent.click(
      await screen.findByRole(
        'option',
        { name: 'Julien Marchal · Directeur(trice) de cabinet', hidden: true },
        { timeout: 5_000 },
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Soumettre au visa' }));
    await vi.waitFor(() =>
      expect(api.calls.find((c) => c.url.endsWith('/submit-review'))?.body).toEqual({
        reviewerIds: [REVIEWER],
        order: 'sequential',
      }),
    );
    // The heads' member lookup is refused to services: the form never asks it.
    expect(api.calls.filter((c) => c.url.startsWith('/api/v1/members/lookup'))).toEqual([]);
  });

  it('asks for a reviewer before submitting', async () => {
    const api = page(
      {
        ...ITEM,
        status: 'reply_drafted',
        suggestion: null,
        policies: { read: true, reply: true, submitReview: true },
        reply: REPLY,
      },
      'services',
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Soumettre au visa' }));
    expect(await screen.findByText('Choisissez au moins un relecteur.')).toBeDefined();
    expect(api.calls.filter((c) => c.method === 'POST')).toEqual([]);
  });

  it('says in French that the item is not there when the server answers 404', async () => {
    page(null);
    expect(await screen.findByRole('heading', { level: 1, name: 'Courrier introuvable' })).toBeDefined();
  });
});
