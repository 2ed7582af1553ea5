import type { TAssembledBrief, TEvent, TOfficial } from '@dircab/contracts';
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMe, fetchRouting, renderApp } from '../../../test/render';
import { TodayPage } from './TodayPage';
import '../../correspondence/test-stubs';

afterEach(() => vi.unstubAllGlobals());

const ME = fakeMe('official', ['agenda']);
const OFFICIAL_ID = '0190a000-0000-7000-8000-000000000602';
const EVENT_ID = '0190a000-0000-7000-8000-000000000a01';
const CONTACT_ID = '0190a000-0000-7000-8000-000000000b01';

const OFFICIAL = {
  id: OFFICIAL_ID,
  contactId: OFFICIAL_ID,
  userId: ME.user.id,
  displayName: 'Paul Néhoué',
  sortName: 'Néhoué Paul',
  mandates: [],
  portfolios: [],
  politicalGroup: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  policies: {},
} satisfies TOfficial;

// An hour from now: always among the next events of today or tomorrow.
const start = new Date(Date.now() + 60 * 60_000);
const end = new Date(start.getTime() + 2 * 60 * 60_000);

const EVENT: TEvent = {
  id: EVENT_ID,
  seriesId: null,
  recurrenceId: null,
  busy: false,
  title: 'Fête du quartier de Boulari',
  kind: 'ceremony',
  visibility: 'public',
  allDay: false,
  start: start.toISOString(),
  end: end.toISOString(),
  startDate: null,
  endDate: null,
  timeZone: 'Pacific/Noumea',
  officialIds: [OFFICIAL_ID],
  description: null,
  place: { label: 'Salle de Boulari', address: 'Route de Boulari', lat: -22.25, lon: 166.55 },
  attendees: { officialIds: [], userIds: [], contactIds: [CONTACT_ID] },
  reminders: [],
  recurrence: null,
  representing: { officialId: '0190a000-0000-7000-8000-000000000601', label: 'représente le Maire' },
  invitationId: null,
  createdAt: null,
  updatedAt: null,
  policies: {},
};

const ENDED: TEvent = {
  ...EVENT,
  id: '0190a000-0000-7000-8000-000000000a02',
  title: 'Réunion déjà finie',
  start: new Date(Date.now() - 3 * 60 * 60_000).toISOString(),
  end: new Date(Date.now() - 2 * 60 * 60_000).toISOString(),
};

const BRIEF: TAssembledBrief = {
  event: EVENT,
  brief: {
    eventId: EVENT_ID,
    status: 'validated',
    talkingPoints: '<p>Remercier les bénévoles.</p><p>Annoncer le plateau sportif.</p>',
    driver: 'Marc Ouetcho',
    gift: null,
    logistics: '',
    protocolRemarks: '',
    territoryId: null,
    validatedBy: null,
    validatedAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
    policies: { update: false, validate: false },
  },
  officials: [],
  attendees: [
    {
      kind: 'contact',
      id: CONTACT_ID,
      displayName: 'Comité des fêtes',
      details: [],
      email: null,
      phone: '+687 43 12 34',
      history: [],
    },
  ],
  territory: null,
  openRequests: [],
};

describe('the official’s day on a phone', { timeout: 20_000 }, () => {
  it('shows their next events with the brief’s essentials, a call, a map and the full brief', async () => {
    const api = fetchRouting((_m, url) => {
      if (url.startsWith('/api/v1/officials')) return [200, { data: [OFFICIAL], nextCursor: null }];
      if (url.startsWith('/api/v1/events?')) return [200, { data: [ENDED, EVENT], nextCursor: null }];
      if (url === `/api/v1/events/${EVENT_ID}/brief/assembled?format=json`) return [200, BRIEF];
      return undefined;
    });
    vi.stubGlobal('fetch', api.fn);
    renderApp(<TodayPage />, { path: '/agenda/today', me: ME });
    const card = await screen.findByRole('article', { name: /Fête du quartier de Boulari/ });
    // Their own agenda, asked by their official id.
    expect(api.calls.find((c) => c.url.startsWith('/api/v1/events?'))?.url).toContain(`officialIds=${OFFICIAL_ID}`);
    expect(within(card).getByText('représente le Maire')).toBeDefined();
    expect(await within(card).findByText(/Remercier les bénévoles\.\s+Annoncer le plateau sportif\./)).toBeDefined();
    expect(within(card).getByText('Chauffeur : Marc Ouetcho')).toBeDefined();
    expect(within(card).getByText('Validée')).toBeDefined();
    expect(within(card).getByRole('link', { name: 'Appeler Comité des fêtes' }).getAttribute('href')).toBe(
      'tel:+687431234',
    );
    expect(within(card).getByRole('link', { name: 'Plan : Salle de Boulari' }).getAttribute('href')).toBe(
      'https://www.openstreetmap.org/?mlat=-22.25&mlon=166.55#map=17/-22.25/166.55',
    );
    expect(
      within(card)
        .getByRole('link', { name: 'Fiche de déplacement : Fête du quartier de Boulari' })
        .getAttribute('href'),
    ).toBe(`/agenda/briefs/${EVENT_ID}`);
    // What is over is not shown.
    expect(screen.queryByText('Réunion déjà finie')).toBeNull();
  });

  it('lets someone who is no official pick whose day to see', async () => {
    vi.stubGlobal(
      'fetch',
      fetchRouting((_m, url) => {
        if (url.startsWith('/api/v1/officials'))
          return [200, { data: [{ ...OFFICIAL, userId: null }], nextCursor: null }];
        return undefined;
      }).fn,
    );
    renderApp(<TodayPage />, { path: '/agenda/today', me: fakeMe('secretariat', ['agenda']) });
    expect(await screen.findByText('Choisissez un élu pour voir sa journée.')).toBeDefined();
    expect(screen.getByLabelText('Journée de l’élu', { selector: 'input' })).toBeDefined();
  });
});
