import type { TAssembledBrief } from '@dircab/contracts';
import { fireEvent, screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMe, fetchRouting, renderApp } from '../../../test/render';
import { BriefPage } from './BriefPage';
import '../../correspondence/test-stubs';

afterEach(() => vi.unstubAllGlobals());

const EVENT_ID = '0190a000-0000-7000-8000-000000000a01';
const BOULARI = '0190a000-0000-7000-8000-000000000d01';
const ITEM = '0190a000-0000-7000-8000-000000000e01';

const ASSEMBLED: TAssembledBrief = {
  event: {
    id: EVENT_ID,
    seriesId: null,
    recurrenceId: null,
    busy: false,
    title: 'Inauguration du plateau sportif',
    kind: 'ceremony',
    visibility: 'public',
    allDay: false,
    start: '2026-12-18T22:00:00.000Z',
    end: '2026-12-19T00:00:00.000Z',
    startDate: null,
    endDate: null,
    timeZone: 'Pacific/Noumea',
    officialIds: [],
    description: null,
    place: null,
    attendees: null,
    reminders: [],
    recurrence: null,
    representing: null,
    invitationId: null,
    createdAt: null,
    updatedAt: null,
    policies: {},
  },
  brief: {
    eventId: EVENT_ID,
    status: 'draft',
    talkingPoints: '<p>Remercier les bénévoles.</p>',
    driver: null,
    gift: null,
    logistics: '',
    protocolRemarks: '',
    territoryId: BOULARI,
    validatedBy: null,
    validatedAt: null,
    updatedAt: '2026-12-01T00:00:00.000Z',
    policies: { update: true, validate: true },
  },
  officials: [],
  attendees: [],
  territory: { id: BOULARI, name: 'Boulari' },
  openRequests: [
    {
      id: ITEM,
      registrationNumber: '2026-A-000042',
      subject: 'Nid-de-poule route de Boulari',
      senderName: 'Mme Jeanne Wamytan',
      receivedAt: '2026-11-30T00:00:00.000Z',
      status: 'routed',
    },
  ],
};

describe('the trip brief', { timeout: 20_000 }, () => {
  it('recalls the neighbourhood’s open requests, saves the paragraphs as rich text and validates', async () => {
    const api = fetchRouting((method, url) => {
      if (url.startsWith('/api/v1/territories'))
        return [200, { data: [{ id: BOULARI, name: 'Boulari', code: null }], nextCursor: null }];
      if (method === 'GET' && url === `/api/v1/events/${EVENT_ID}/brief/assembled?format=json`) return [200, ASSEMBLED];
      if (method === 'PUT') return [200, { ...ASSEMBLED.brief, driver: 'Marc Ouetcho' }];
      if (method === 'POST' && url.endsWith('/brief/validate'))
        return [200, { ...ASSEMBLED.brief, status: 'validated', policies: { update: true, validate: false } }];
      return undefined;
    });
    vi.stubGlobal('fetch', api.fn);
    renderApp(
      <Routes>
        <Route path="/agenda/briefs/:eventId" element={<BriefPage />} />
      </Routes>,
      { path: `/agenda/briefs/${EVENT_ID}`, me: fakeMe('chief_of_staff', ['agenda']) },
    );
    expect(await screen.findByText('Demandes en cours du quartier : Boulari')).toBeDefined();
    expect(screen.getByRole('link', { name: '2026-A-000042' }).getAttribute('href')).toBe(
      `/correspondence/items/${ITEM}`,
    );
    const points = screen.getByLabelText(/^Éléments de langage/) as HTMLTextAreaElement;
    expect(points.value).toBe('Remercier les bénévoles.');
    fireEvent.change(points, { target: { value: 'Remercier les bénévoles.\nSaluer le club de foot.' } });
    fireEvent.change(screen.getByLabelText(/^Chauffeur/), { target: { value: 'Marc Ouetcho' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la fiche' }));
    await vi.waitFor(() =>
      expect(api.calls.find((c) => c.method === 'PUT')?.body).toEqual({
        talkingPoints: '<p>Remercier les bénévoles.</p><p>Saluer le club de foot.</p>',
        driver: 'Marc Ouetcho',
        gift: null,
        logistics: '',
        protocolRemarks: '',
        territoryId: BOULARI,
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Valider la fiche' }));
    expect(await screen.findByText('Validée')).toBeDefined();
    expect(screen.queryByRole('button', { name: 'Valider la fiche' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Télécharger en PDF' }).getAttribute('href')).toBe(
      `/api/v1/events/${EVENT_ID}/brief/assembled?format=pdf`,
    );
  });
});
