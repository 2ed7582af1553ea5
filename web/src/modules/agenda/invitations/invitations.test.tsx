import type { TInvitation, TOfficial } from '@dircab/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMe, fetchRouting, renderApp } from '../../../test/render';
import { InvitationFromItemButton } from './InvitationFromItemButton';
import { InvitationPage } from './InvitationPage';
import { emptyInvitation, toCreateInvitation } from './invitation-form-values';
import '../../correspondence/test-stubs';

afterEach(() => vi.unstubAllGlobals());

const ID = '0190a000-0000-7000-8000-000000000501';
const MAYOR = '0190a000-0000-7000-8000-000000000601';
const DEPUTY = '0190a000-0000-7000-8000-000000000602';

const PENDING: TInvitation = {
  id: ID,
  title: 'Kermesse de l’école de Plum',
  organiserContactId: null,
  organiserName: 'Association des parents d’élèves de Plum',
  kind: 'ceremony',
  allDay: false,
  start: '2026-12-12T07:00:00.000Z',
  end: '2026-12-12T09:00:00.000Z',
  startDate: null,
  endDate: null,
  timeZone: 'Pacific/Noumea',
  place: { label: 'École de Plum', address: null, lat: null, lon: null },
  answerBy: '2026-12-05',
  status: 'pending',
  overdue: false,
  correspondenceItemId: null,
  receivedOn: '2026-11-20',
  notes: '',
  eventId: null,
  delegatedOfficialId: null,
  declineReason: null,
  replyItemId: null,
  answeredAt: null,
  createdAt: '2026-11-20T00:00:00.000Z',
  updatedAt: '2026-11-20T00:00:00.000Z',
  policies: { accept: true, delegate: true, decline: true, letter: false },
};

const official = (id: string, name: string, fn: 'maire' | 'adjoint', label: string): TOfficial => ({
  id,
  contactId: id,
  userId: null,
  displayName: name,
  sortName: name,
  mandates: [
    {
      id,
      function: fn,
      rank: fn === 'adjoint' ? 1 : null,
      label,
      body: 'conseil_municipal',
      bodyName: null,
      collectivityCode: null,
      collectivityName: null,
      startDate: '2026-01-01',
      endDate: null,
      isOwnOrganisation: true,
      source: null,
    },
  ],
  portfolios: [],
  politicalGroup: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  policies: {},
});

const OFFICIALS = [
  official(MAYOR, 'Hélène Boyer', 'maire', 'Maire'),
  official(DEPUTY, 'Paul Néhoué', 'adjoint', 'Premier adjoint'),
];

function renderInvitation(answer: Parameters<typeof fetchRouting>[0]) {
  const api = fetchRouting((method, url, body) => {
    if (url.startsWith('/api/v1/officials')) return [200, { data: OFFICIALS, nextCursor: null }];
    return answer(method, url, body);
  });
  vi.stubGlobal('fetch', api.fn);
  renderApp(
    <Routes>
      <Route path="/agenda/invitations/:id" element={<InvitationPage />} />
    </Routes>,
    { path: `/agenda/invitations/${ID}`, me: fakeMe('secretariat', ['agenda']) },
  );
  return api;
}

describe('answering an invitation', { timeout: 20_000 }, () => {
  it('delegates to a deputy chosen among the officials, the mayor left out', async () => {
    // The server's state: the answer stays once given (the page reads it again).
    let current: TInvitation = PENDING;
    const api = renderInvitation((method, url) => {
      if (method === 'GET' && url === `/api/v1/invitations/${ID}`) return [200, current];
      if (method === 'POST' && url === `/api/v1/invitations/${ID}/delegate`) {
        current = { ...PENDING, status: 'delegated', delegatedOfficialId: DEPUTY, eventId: ID };
        return [200, current];
      }
      return undefined;
    });
    const input = await screen.findByLabelText('Déléguer à', { selector: 'input' });
    await vi.waitFor(() => expect(api.calls.some((c) => c.url.startsWith('/api/v1/officials'))).toBe(true));
    fireEvent.click(input);
    const list = document.getElementById(input.getAttribute('aria-controls') ?? '') as HTMLElement;
    const options = await within(list).findAllByRole('option', { hidden: true });
    expect(options.map((o) => o.textContent)).toEqual(['Paul Néhoué — Premier adjoint']);
    fireEvent.click(options[0] as HTMLElement);
    fireEvent.click(screen.getByRole('button', { name: 'Déléguer' }));
    await vi.waitFor(() => expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({ officialId: DEPUTY }));
    expect(await screen.findByText('Déléguée à Paul Néhoué, qui représente le Maire.')).toBeDefined();
    expect(screen.getByRole('link', { name: 'Préparer la fiche de déplacement' }).getAttribute('href')).toBe(
      `/agenda/briefs/${ID}`,
    );
  });

  it('declines with a reason, then offers the reply letter and its entry in the outgoing register', async () => {
    let current: TInvitation = PENDING;
    const reply = {
      id: '0190a000-0000-7000-8000-000000000701',
      registrationNumber: '2026-D-000012',
      status: 'registered',
    };
    const api = renderInvitation((method, url) => {
      if (method === 'GET' && url === `/api/v1/invitations/${ID}`) return [200, current];
      if (method === 'GET' && url === `/api/v1/correspondence/${reply.id}`) return [200, reply];
      if (method === 'POST' && url === `/api/v1/invitations/${ID}/reply-sent`) {
        reply.status = 'sent';
        return [200, current];
      }
      if (method === 'POST' && url === `/api/v1/invitations/${ID}/decline`) {
        current = {
          ...PENDING,
          status: 'declined',
          declineReason: 'Conseil municipal ce soir-là.',
          replyItemId: reply.id,
          policies: { letter: true, markReplySent: true },
        };
        return [200, current];
      }
      return undefined;
    });
    fireEvent.change(await screen.findByLabelText(/Motif du refus/), {
      target: { value: 'Conseil municipal ce soir-là.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Décliner' }));
    await vi.waitFor(() =>
      expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({ reason: 'Conseil municipal ce soir-là.' }),
    );
    const pdf = await screen.findByRole('link', { name: 'Lettre PDF' });
    expect(pdf.getAttribute('href')).toBe(`/api/v1/invitations/${ID}/decline-letter?format=pdf`);
    expect(screen.getByRole('link', { name: 'Lettre ODT' })).toBeDefined();
    expect(screen.getByRole('link', { name: 'Voir la lettre au registre des départs' }).getAttribute('href')).toBe(
      '/correspondence/items/0190a000-0000-7000-8000-000000000701',
    );
    // The reply has not left yet: the secretariat says it posted it.
    fireEvent.click(await screen.findByRole('button', { name: 'Marquer la réponse comme envoyée' }));
    expect(await screen.findByText('Réponse envoyée (2026-D-000012)')).toBeDefined();
    expect(api.calls.filter((c) => c.url.endsWith('/reply-sent')).map((c) => c.method)).toEqual(['POST']);
    expect(screen.queryByRole('button', { name: 'Marquer la réponse comme envoyée' })).toBeNull();
  });

  it('shows the server’s French refusal', async () => {
    renderInvitation((method, url) => {
      if (method === 'GET' && url === `/api/v1/invitations/${ID}`) return [200, PENDING];
      if (method === 'POST')
        return [409, { title: 'Conflict', status: 409, detail: 'Cette invitation a déjà reçu une réponse.' }];
      return undefined;
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Accepter pour le Maire' }));
    expect(await screen.findByText('Cette invitation a déjà reçu une réponse.')).toBeDefined();
  });
});

describe('the invitation form', () => {
  it('sends times in the organisation’s zone with their offset, and leaves out what is empty', () => {
    const values = {
      ...emptyInvitation('2026-11-20'),
      title: ' Gala ',
      organiserName: 'Club',
      day: '2026-12-12',
      startTime: '18:00',
      endTime: '20:00',
      answerBy: '2026-12-05',
    };
    expect(toCreateInvitation(values, 'Pacific/Noumea', null)).toEqual({
      title: 'Gala',
      organiserName: 'Club',
      kind: 'ceremony',
      answerBy: '2026-12-05',
      receivedOn: '2026-11-20',
      start: '2026-12-12T18:00:00+11:00',
      end: '2026-12-12T20:00:00+11:00',
    });
    const allDay = toCreateInvitation(
      { ...values, allDay: true },
      'Europe/Paris',
      '0190a000-0000-7000-8000-000000000801',
    );
    expect(allDay).toMatchObject({ allDay: true, startDate: '2026-12-12', endDate: '2026-12-12' });
    expect(allDay).toMatchObject({ correspondenceItemId: '0190a000-0000-7000-8000-000000000801' });
    expect(allDay).not.toHaveProperty('start');
  });
});

describe('« Créer l’invitation » on a letter', { timeout: 20_000 }, () => {
  const TYPES = {
    data: [
      { id: 'type-invitation', code: 'invitation', label: 'Invitation' },
      { id: 'type-courrier', code: 'courrier', label: 'Courrier simple' },
    ],
    nextCursor: null,
  };
  const item = (typeId: string) =>
    ({ id: '0190a000-0000-7000-8000-000000000901', direction: 'in', typeId }) as Parameters<
      typeof InvitationFromItemButton
    >[0]['item'];

  function renderButton(typeId: string, existing: TInvitation[]) {
    vi.stubGlobal(
      'fetch',
      fetchRouting((_m, url) => {
        if (url.startsWith('/api/v1/correspondence/types')) return [200, TYPES];
        if (url.startsWith('/api/v1/invitations?correspondenceItemId='))
          return [200, { data: existing, nextCursor: null }];
        return undefined;
      }).fn,
    );
    renderApp(<InvitationFromItemButton item={item(typeId)} />, {
      me: fakeMe('secretariat', ['agenda', 'correspondence']),
    });
  }

  it('opens the form filled from the letter', async () => {
    renderButton('type-invitation', []);
    const link = await screen.findByRole('link', { name: 'Créer l’invitation' });
    expect(link.getAttribute('href')).toBe('/agenda/invitations/new?fromItem=0190a000-0000-7000-8000-000000000901');
  });

  it('opens the invitation once made', async () => {
    renderButton('type-invitation', [PENDING]);
    const link = await screen.findByRole('link', { name: 'Voir l’invitation' });
    expect(link.getAttribute('href')).toBe(`/agenda/invitations/${ID}`);
  });

  it('stays away from other letters', async () => {
    renderButton('type-courrier', []);
    await new Promise((r) => setTimeout(r, 100));
    expect(screen.queryByRole('link')).toBeNull();
  });
});
