import type { TCorrespondenceDetail } from '@dircab/contracts';
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMe, fetchRouting, renderApp } from '../../test/render';
import { SignatureBookPage } from './SignatureBookPage';
import './test-stubs';

afterEach(() => vi.unstubAllGlobals());

const item = (n: number): TCorrespondenceDetail => ({
  id: `0190a000-0000-7000-8000-00000000050${n}`,
  direction: 'in',
  registrationNumber: `2026-A-00001${n}`,
  year: 2026,
  sequence: 10 + n,
  channel: 'email',
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
  status: 'to_sign',
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
  policies: { read: true, sign: true },
  routings: [],
  suggestion: null,
  reply: {
    id: `0190a000-0000-7000-8000-00000000060${n}`,
    itemId: `0190a000-0000-7000-8000-00000000050${n}`,
    subject: `Réponse ${n}`,
    bodyHtml: `<p>Texte de la réponse ${n}.</p>`,
    recipient: { name: `Administré ${n}`, email: null, address: 'Boulari' },
    reviewOrder: 'sequential',
    returnComment: null,
    round: 1,
    approvals: [],
    outgoingItemId: null,
    outgoingRegistrationNumber: null,
    sendMethod: null,
    sentAt: null,
    updatedAt: '2026-11-20T22:00:00.000Z',
  },
});

const ITEMS = [item(1), item(2)];

describe('the signature book', { timeout: 20_000 }, () => {
  it('shows each reply’s text and signs the selection in one batch', async () => {
    const api = fetchRouting((method, url) => {
      if (url.startsWith('/api/v1/correspondence/signature-book'))
        return [200, { data: ITEMS.map(({ routings, suggestion, reply, ...rest }) => rest), nextCursor: null }];
      const one = ITEMS.find((x) => url === `/api/v1/correspondence/${x.id}`);
      if (one) return [200, one];
      if (method === 'POST' && url === '/api/v1/correspondence/sign-batch')
        return [200, { results: ITEMS.map((x) => ({ id: x.id, ok: true, status: 'to_sign', detail: null })) }];
      return undefined;
    });
    vi.stubGlobal('fetch', api.fn);
    renderApp(<SignatureBookPage />, {
      path: '/correspondence/signature-book',
      me: fakeMe('executive', ['correspondence']),
    });
    expect(await screen.findByText('Texte de la réponse 1.')).toBeDefined();
    expect(await screen.findByText('Texte de la réponse 2.')).toBeDefined();
    expect(screen.getAllByRole('button', { name: 'Signer' })).toHaveLength(2);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Tout sélectionner' }));
    fireEvent.click(screen.getByRole('button', { name: 'Signer la sélection (2)' }));
    await vi.waitFor(() =>
      expect(api.calls.find((c) => c.url.endsWith('/sign-batch'))?.body).toEqual({
        ids: ITEMS.map((x) => x.id),
        decision: 'approve',
      }),
    );
    expect(await screen.findByText('2 réponse(s) signée(s), 0 refusée(s).')).toBeDefined();
  });
});
