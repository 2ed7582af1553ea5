import type { TEvent, TOfficial } from '@dircab/contracts';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeMe, fetchRouting, renderApp } from '../../../test/render';
import { CalendarPage } from './CalendarPage';
import { segmentsOfDay } from './event-layout';
import { instantOf, wallClock } from './zoned-time';

// The browser's zone must never decide where an event sits: these tests run in New York.
const savedTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/New_York';
});
afterAll(() => {
  process.env.TZ = savedTz;
});
afterEach(() => vi.unstubAllGlobals());
// A shared two-core machine: the lazy first render may take seconds.
const slow = { timeout: 8000 };

const MAYOR = '0190a000-0000-7000-8000-000000000a01';
const DEPUTY = '0190a000-0000-7000-8000-000000000a02';

const official = (id: string, name: string, fn: 'maire' | 'adjoint'): TOfficial => ({
  id,
  contactId: '0190a000-0000-7000-8000-000000000c01',
  userId: null,
  displayName: name,
  sortName: name,
  mandates: [
    {
      id: `${id.slice(0, -3)}f01`,
      function: fn,
      rank: fn === 'adjoint' ? 1 : null,
      label: null,
      body: 'conseil_municipal',
      bodyName: null,
      collectivityCode: '98817',
      collectivityName: 'Mont-Dore',
      startDate: '2020-07-01',
      endDate: null,
      isOwnOrganisation: true,
      source: 'manual',
    },
  ],
  portfolios: [],
  politicalGroup: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  policies: { read: true, update: false, delete: false },
});

// The deputy first: the mayor is found by mandate, not by position.
const OFFICIALS = [official(DEPUTY, 'Paul Néhoué', 'adjoint'), official(MAYOR, 'Hélène Boyer', 'maire')];

let n = 0;
function event(over: Partial<TEvent>): TEvent {
  return {
    id: `0190a000-0000-7000-8000-0000000e${String(++n).padStart(4, '0')}`,
    seriesId: null,
    recurrenceId: null,
    busy: false,
    title: 'Réunion',
    kind: 'meeting',
    visibility: 'internal',
    allDay: false,
    // 18:00–19:00 in Nouméa (UTC+11).
    start: '2026-11-24T07:00:00.000Z',
    end: '2026-11-24T08:00:00.000Z',
    startDate: null,
    endDate: null,
    timeZone: 'Pacific/Noumea',
    officialIds: [MAYOR],
    description: null,
    place: null,
    attendees: { officialIds: [], userIds: [], contactIds: [] },
    reminders: [],
    recurrence: null,
    representing: null,
    invitationId: null,
    conflicts: { overlaps: [], travel: [] },
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    policies: { update: true, delete: true, move: true, brief: true },
    ...over,
  };
}

function serve(
  events: TEvent[],
  other?: (method: string, url: string, body: unknown) => readonly [number, unknown?] | undefined,
) {
  const routing = fetchRouting((method, url, body) => {
    if (method === 'GET' && url.startsWith('/api/v1/officials?')) return [200, { data: OFFICIALS, nextCursor: null }];
    if (method === 'GET' && url.startsWith('/api/v1/events?')) return [200, { data: events, nextCursor: null }];
    return other?.(method, url, body);
  });
  vi.stubGlobal('fetch', routing.fn);
  return routing;
}

const WEEK = '/agenda?view=week&date=2026-11-23';

describe('zoned time', () => {
  it('reads and writes wall-clock times in the organisation’s zone, summer time included', () => {
    expect(instantOf('2026-11-24', 18 * 60, 'Pacific/Noumea')).toBe('2026-11-24T18:00:00+11:00');
    expect(wallClock('2026-11-24T07:00:00.000Z', 'Pacific/Noumea')).toEqual({ day: '2026-11-24', minutes: 1080 });
    // Paris: winter +01:00, summer +02:00, whatever New York thinks.
    expect(instantOf('2026-01-15', 18 * 60, 'Europe/Paris')).toBe('2026-01-15T18:00:00+01:00');
    expect(instantOf('2026-07-15', 18 * 60, 'Europe/Paris')).toBe('2026-07-15T18:00:00+02:00');
  });

  it('finds back every instant of a year from its wall clock, across summer-time changes', () => {
    // Every 97 minutes of 2026 (about 5,400 instants, both changes of Paris and New York in it).
    const wrong: string[] = [];
    for (const zone of ['Pacific/Noumea', 'Europe/Paris', 'America/New_York']) {
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 97 * 60_000) {
        const clock = wallClock(ms, zone);
        const back = wallClock(instantOf(clock.day, clock.minutes, zone), zone);
        if (back.day !== clock.day || back.minutes !== clock.minutes)
          wrong.push(`${zone} ${new Date(ms).toISOString()}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('puts overlapping events side by side', () => {
    const a = event({ start: '2026-11-24T07:00:00.000Z', end: '2026-11-24T08:00:00.000Z' });
    const b = event({ start: '2026-11-24T07:30:00.000Z', end: '2026-11-24T08:30:00.000Z' });
    const c = event({ start: '2026-11-24T09:00:00.000Z', end: '2026-11-24T10:00:00.000Z' });
    const segs = segmentsOfDay([a, b, c], '2026-11-24', 'Pacific/Noumea');
    expect(segs.map((s) => [s.top, s.lane, s.lanes])).toEqual([
      [1080, 0, 2],
      [1110, 1, 2],
      [1200, 0, 1],
    ]);
  });
});

describe('the calendar', { timeout: 30_000 }, () => {
  it('shows an event at 18:00 Nouméa time on the mayor’s week, whatever the browser’s zone', async () => {
    const routing = serve([event({ title: 'Inauguration', kind: 'ceremony' })]);
    renderApp(<CalendarPage />, { path: WEEK, me: fakeMe('secretariat', ['agenda']) });
    const chip = await screen.findByRole('button', { name: /Inauguration/ }, slow);
    expect(chip.textContent).toMatch(/^18:00–19:00 Inauguration Cérémonie$/);
    // The secretariat opens the mayor's agenda by default, for the week of the date.
    const eventsCall = routing.calls.find((c) => c.url.startsWith('/api/v1/events?'));
    expect(eventsCall?.url).toContain(`officialIds=${MAYOR}`);
    expect(eventsCall?.url).toContain('from=2026-11-23&to=2026-11-29');
    expect(within(chip).getByText('Cérémonie')).toBeTruthy();
  });

  it('shows a private slot as « Occupé » and a conflict on the events that collide', async () => {
    const a = event({ title: 'Conseil d’école', place: { label: 'École', address: null, lat: null, lon: null } });
    const b = event({
      title: 'Remise des prix',
      start: '2026-11-24T07:30:00.000Z',
      end: '2026-11-24T08:30:00.000Z',
      conflicts: { overlaps: [a.id], travel: [] },
    });
    const busy = event({
      title: 'Occupé',
      busy: true,
      kind: null,
      visibility: 'private',
      start: '2026-11-25T01:00:00.000Z',
      end: '2026-11-25T02:30:00.000Z',
      policies: { update: false, delete: false, move: false, brief: false },
    });
    serve([a, b, busy]);
    renderApp(<CalendarPage />, { path: WEEK, me: fakeMe('services', ['agenda']) });
    const busyChip = await screen.findByRole('button', { name: '12:00–13:30 Occupé' }, slow);
    expect(busyChip).toBeTruthy();
    const conflicting = screen.getByRole('button', { name: /Remise des prix/ });
    expect(conflicting.textContent).toMatch(/ Conflit$/);
    expect(within(conflicting).getByText('Conflit')).toBeTruthy();
    expect(within(screen.getByRole('button', { name: /Conseil d’école/ })).queryByText('Conflit')).toBeNull();
    // Services do not plan: no create button.
    expect(screen.queryByRole('button', { name: 'Nouvel événement' })).toBeNull();
    fireEvent.click(busyChip);
    expect(await screen.findByText(/seul le fait qu’il soit occupé/, {}, slow)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Modifier' })).toBeNull();
  });

  it('shows the server’s refusal at the field of the create form', async () => {
    const routing = serve([], (method, url) =>
      method === 'POST' && url === '/api/v1/events'
        ? [
            400,
            {
              type: 'about:blank',
              title: 'Requête invalide',
              status: 400,
              detail: 'La requête est invalide.',
              errors: [{ path: 'body.officialIds', message: 'Élu inconnu dans l’organisation.' }],
            },
          ]
        : undefined,
    );
    renderApp(<CalendarPage />, { path: WEEK, me: fakeMe('secretariat', ['agenda']) });
    // The mayor's agenda is open (the officials have loaded) before the secretary creates.
    await waitFor(() => expect(routing.calls.some((c) => c.url.startsWith('/api/v1/events?'))).toBe(true));
    fireEvent.click(await screen.findByRole('button', { name: 'Nouvel événement' }, slow));
    const dialog = await screen.findByRole('dialog', { name: 'Nouvel événement' }, slow);
    fireEvent.change(within(dialog).getByLabelText(/^Titre/), { target: { value: 'Vœux au personnel' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Inscrire à l’agenda' }));
    expect(await within(dialog).findByText('Élu inconnu dans l’organisation.', {}, slow)).toBeTruthy();
    // At the field it concerns, not only in the banner.
    const field = within(dialog).getAllByLabelText(/Agenda des élus/);
    expect(field.some((f) => f.getAttribute('aria-invalid') === 'true')).toBe(true);
    const post = routing.calls.find((c) => c.method === 'POST');
    expect(post?.body).toMatchObject({ title: 'Vœux au personnel', officialIds: [MAYOR], timeZone: 'Pacific/Noumea' });
    expect(post?.body).toMatchObject({ start: expect.stringMatching(/\+11:00$/) });
  });

  it('moves an event by dragging it an hour down, then undoes the move', async () => {
    const e = event({ title: 'Point presse' });
    const moved = { ...e, start: '2026-11-24T08:00:00.000Z', end: '2026-11-24T09:00:00.000Z' };
    const routing = serve([e], (method, url) =>
      method === 'POST' && url === `/api/v1/events/${e.id}/move`
        ? [200, { event: moved, previous: { start: e.start, end: e.end, startDate: null, endDate: null } }]
        : undefined,
    );
    renderApp(<CalendarPage />, { path: WEEK, me: fakeMe('secretariat', ['agenda']) });
    const chip = await screen.findByRole('button', { name: /Point presse/ }, slow);
    fireEvent.pointerDown(chip, { button: 0, clientX: 100, clientY: 100 });
    // 48 px is an hour in the grid.
    act(() => {
      window.dispatchEvent(new MouseEvent('pointermove', { clientX: 100, clientY: 148 }));
    });
    act(() => {
      window.dispatchEvent(new MouseEvent('pointerup', { clientX: 100, clientY: 148 }));
    });
    await waitFor(() => expect(routing.calls.filter((c) => c.url.endsWith('/move'))).toHaveLength(1));
    expect(routing.calls.find((c) => c.url.endsWith('/move'))?.body).toEqual({ start: '2026-11-24T19:00:00+11:00' });
    fireEvent.click(await screen.findByRole('button', { name: 'Annuler' }, slow));
    await waitFor(() => expect(routing.calls.filter((c) => c.url.endsWith('/move'))).toHaveLength(2));
    expect(routing.calls.filter((c) => c.url.endsWith('/move'))[1]?.body).toEqual({ start: e.start });
  });

  it('moves one occurrence of a series from the keyboard’s move dialog', async () => {
    const series = event({
      title: 'Permanence',
      kind: 'office_hours',
      recurrence: { rrule: 'FREQ=WEEKLY', exdates: [] },
    });
    const occ = { ...series, seriesId: series.id, recurrenceId: series.start };
    const routing = serve([occ], (method, url) =>
      method === 'POST' && url.endsWith('/move')
        ? [
            200,
            {
              event: { ...occ, id: '0190a000-0000-7000-8000-00000000ffff' },
              previous: { start: occ.start, end: occ.end, startDate: null, endDate: null },
            },
          ]
        : undefined,
    );
    renderApp(<CalendarPage />, { path: WEEK, me: fakeMe('secretariat', ['agenda']) });
    fireEvent.click(await screen.findByRole('button', { name: /Permanence/ }, slow));
    fireEvent.click(await screen.findByRole('button', { name: 'Déplacer' }, slow));
    const dialog = await screen.findByRole('dialog', { name: 'Déplacer l’événement' }, slow);
    fireEvent.change(within(dialog).getByLabelText('Jour'), { target: { value: '2026-11-26' } });
    fireEvent.change(within(dialog).getByLabelText('Heure de début'), { target: { value: '09:30' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Déplacer' }));
    await waitFor(() => expect(routing.calls.some((c) => c.url.endsWith('/move'))).toBe(true));
    expect(routing.calls.find((c) => c.url.endsWith('/move'))).toMatchObject({
      url: `/api/v1/events/${series.id}/move`,
      body: { start: '2026-11-26T09:30:00+11:00', occurrence: series.start },
    });
  });

  it('lists the month and the day of the list view', async () => {
    serve([event({ title: 'Séance publique', kind: 'council_session', visibility: 'public' })]);
    renderApp(<CalendarPage />, { path: '/agenda?view=list&date=2026-11-23', me: fakeMe('secretariat', ['agenda']) });
    const heading = await screen.findByRole('heading', { name: /mardi 24 novembre/i }, slow);
    const day = heading.closest('section') as HTMLElement;
    expect(within(day).getByText('18:00 – 19:00')).toBeTruthy();
    expect(within(day).getByText('Séance du conseil')).toBeTruthy();
    expect(within(day).getByText('Hélène Boyer')).toBeTruthy();
  });

  it('puts several officials’ agendas side by side, an event shared by both in each column', async () => {
    const shared = event({ title: 'Séance du conseil', kind: 'council_session', officialIds: [MAYOR, DEPUTY] });
    const own = event({ title: 'Permanence de Plum', kind: 'office_hours', officialIds: [DEPUTY] });
    const routing = serve([shared, own]);
    renderApp(<CalendarPage />, {
      path: `/agenda?view=day&date=2026-11-24&officials=${MAYOR},${DEPUTY}`,
      me: fakeMe('secretariat', ['agenda']),
    });
    const mayorColumn = await screen.findByRole('group', { name: 'mardi 24 novembre, Hélène Boyer' }, slow);
    const deputyColumn = screen.getByRole('group', { name: 'mardi 24 novembre, Paul Néhoué' });
    expect(
      within(mayorColumn)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['18:00–19:00 Séance du conseil Séance du conseil']);
    expect(within(deputyColumn).getAllByRole('button')).toHaveLength(2);
    expect(routing.calls.find((c) => c.url.startsWith('/api/v1/events?'))?.url).toContain(
      `officialIds=${encodeURIComponent(`${MAYOR},${DEPUTY}`)}`,
    );
  });

  it('changes one occurrence of a series through ?occurrence=, the series’ rule untouched', async () => {
    const series = event({
      title: 'Permanence',
      kind: 'office_hours',
      recurrence: { rrule: 'FREQ=WEEKLY', exdates: [] },
    });
    const occ = { ...series, seriesId: series.id, recurrenceId: series.start };
    const routing = serve([occ], (method) => (method === 'PATCH' ? [200, occ] : undefined));
    renderApp(<CalendarPage />, { path: WEEK, me: fakeMe('secretariat', ['agenda']) });
    fireEvent.click(await screen.findByRole('button', { name: /Permanence/ }, slow));
    fireEvent.click(await screen.findByRole('button', { name: 'Modifier cette occurrence' }, slow));
    const dialog = await screen.findByRole('dialog', { name: 'Modifier cette occurrence' }, slow);
    fireEvent.change(within(dialog).getByLabelText(/^Titre/), { target: { value: 'Permanence avancée' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(routing.calls.some((c) => c.method === 'PATCH')).toBe(true));
    const patch = routing.calls.find((c) => c.method === 'PATCH');
    expect(patch?.url).toBe(`/api/v1/events/${series.id}?occurrence=${encodeURIComponent(series.start)}`);
    expect(patch?.body).toMatchObject({ title: 'Permanence avancée', start: '2026-11-24T18:00:00+11:00' });
    expect(patch?.body).not.toHaveProperty('recurrence');
  });

  it('switches to the month and to the next one from the keyboard', async () => {
    const routing = serve([event({ title: 'Vœux', kind: 'ceremony' })]);
    renderApp(<CalendarPage />, { path: WEEK, me: fakeMe('secretariat', ['agenda']) });
    await screen.findByRole('button', { name: /Vœux/ }, slow);
    fireEvent.keyDown(document.documentElement, { key: 'm' });
    expect(await screen.findByRole('table', { name: 'Événements du mois, jour par jour' }, slow)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Novembre 2026' })).toBeTruthy();
    fireEvent.keyDown(document.documentElement, { key: 'j' });
    expect(await screen.findByRole('heading', { level: 2, name: 'Décembre 2026' }, slow)).toBeTruthy();
    // The month grid runs from the Monday before the 1st to the Sunday after the 31st.
    await waitFor(() => expect(routing.calls.some((c) => c.url.includes('from=2026-11-30&to=2027-01-03'))).toBe(true));
  });

  it('edits the whole series from its own first occurrence, its rule and removed dates kept', async () => {
    const series = event({
      title: 'Permanence',
      kind: 'office_hours',
      // The series began a week earlier than the occurrence shown.
      start: '2026-11-17T07:00:00.000Z',
      end: '2026-11-17T08:00:00.000Z',
      recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=TU', exdates: ['2026-12-01T07:00:00.000Z'] },
    });
    const occ = {
      ...series,
      seriesId: series.id,
      recurrenceId: '2026-11-24T07:00:00.000Z',
      start: '2026-11-24T07:00:00.000Z',
      end: '2026-11-24T08:00:00.000Z',
    };
    const routing = serve([occ], (method, url) => {
      if (method === 'GET' && url === `/api/v1/events/${series.id}`) return [200, series];
      if (method === 'PATCH') return [200, series];
      return undefined;
    });
    renderApp(<CalendarPage />, { path: WEEK, me: fakeMe('secretariat', ['agenda']) });
    fireEvent.click(await screen.findByRole('button', { name: /Permanence/ }, slow));
    fireEvent.click(await screen.findByRole('button', { name: 'Modifier la série' }, slow));
    const dialog = await screen.findByRole('dialog', { name: 'Modifier l’événement' }, slow);
    expect((within(dialog).getByLabelText(/^Date de début/) as HTMLInputElement).value).toBe('2026-11-17');
    fireEvent.change(within(dialog).getByLabelText(/^Heure de début/), { target: { value: '17:30' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(routing.calls.some((c) => c.method === 'PATCH')).toBe(true));
    const patch = routing.calls.find((c) => c.method === 'PATCH');
    expect(patch?.url).toBe(`/api/v1/events/${series.id}`);
    expect(patch?.body).toMatchObject({
      start: '2026-11-17T17:30:00+11:00',
      end: '2026-11-17T18:30:00+11:00',
      recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=TU', exdates: ['2026-12-01T07:00:00.000Z'] },
    });
  });
});
