import type { TEvent } from '@dircab/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMe, fetchRouting, renderApp } from '../../../test/render';
import { ImportIcsButton } from './ImportIcsButton';

afterEach(() => vi.unstubAllGlobals());

const MAYOR = '0190a000-0000-7000-8000-000000000a01';
const DEPUTY = '0190a000-0000-7000-8000-000000000a02';
const OPTIONS = [
  { value: MAYOR, label: 'Hélène Boyer' },
  { value: DEPUTY, label: 'Paul Néhoué' },
];

const imported = {
  id: '0190a000-0000-7000-8000-0000000e0001',
  seriesId: null,
  recurrenceId: null,
  busy: false,
  title: 'Réunion des maires à la province Sud',
  kind: 'meeting',
  visibility: 'internal',
  allDay: false,
  // 09:00–11:30 in Nouméa (UTC+11).
  start: '2026-12-03T22:00:00.000Z',
  end: '2026-12-04T00:30:00.000Z',
  startDate: null,
  endDate: null,
  timeZone: 'Pacific/Noumea',
  officialIds: [MAYOR],
  description: null,
  place: { label: 'Hôtel de la province Sud', address: null, lat: null, lon: null },
  attendees: { officialIds: [], userIds: [], contactIds: [] },
  reminders: [],
  recurrence: null,
  representing: null,
  invitationId: null,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  policies: { update: true, delete: true, move: true, brief: true },
} as TEvent;

async function chooseFile() {
  fireEvent.click(await screen.findByRole('button', { name: /importer une invitation/i }));
  await screen.findByRole('dialog');
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  const file = new File(['BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n'], 'invitation.ics', { type: 'text/calendar' });
  fireEvent.change(input, { target: { files: [file] } });
  return file;
}

describe('importing an .ics invitation from the calendar', { timeout: 30_000 }, () => {
  it('sends the file for the agendas shown and lists what was imported, at Nouméa’s hours', async () => {
    let sent: FormData | null = null;
    const routing = fetchRouting((method, url) =>
      method === 'POST' && url.startsWith('/api/v1/events/import?') ? [201, { data: [imported] }] : undefined,
    );
    vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
      if (init?.body instanceof FormData) sent = init.body;
      return routing.fn(input, init);
    });
    renderApp(<ImportIcsButton officialOptions={OPTIONS} officialIds={[MAYOR]} />, {
      me: fakeMe('secretariat', ['agenda']),
    });
    const file = await chooseFile();
    fireEvent.click(screen.getByRole('button', { name: /^importer$/i }));
    expect(await screen.findByText('1 événement importé')).toBeTruthy();
    expect(routing.calls.map((c) => c.url)).toEqual([`/api/v1/events/import?officialIds=${MAYOR}`]);
    expect((sent as FormData | null)?.get('file')).toBe(file);
    const list = screen.getByRole('list', { name: /événements importés/i });
    expect(list.textContent).toContain('Réunion des maires à la province Sud');
    expect(list.textContent).toContain('Vendredi 4 décembre 2026, 09:00 – 11:30 — Hôtel de la province Sud');
    expect(screen.getByText('Dans l’agenda de : Hélène Boyer.')).toBeTruthy();
  });

  it('says what the server refused, in French, and keeps the form', async () => {
    const routing = fetchRouting(() => [
      400,
      {
        title: 'Requête invalide',
        status: 400,
        detail: 'Le fichier n’est pas une invitation .ics lisible.',
        errors: [{ path: 'file', message: 'Aucun VEVENT.', code: 'invalid_ics' }],
      },
    ]);
    vi.stubGlobal('fetch', routing.fn);
    renderApp(<ImportIcsButton officialOptions={OPTIONS} officialIds={[DEPUTY]} />, {
      me: fakeMe('secretariat', ['agenda']),
    });
    await chooseFile();
    fireEvent.click(screen.getByRole('button', { name: /^importer$/i }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Le fichier n’est pas une invitation .ics lisible.',
    );
    expect(screen.getByRole('button', { name: /^importer$/i })).toBeTruthy();
    await waitFor(() => expect(routing.calls[0]?.url).toBe(`/api/v1/events/import?officialIds=${DEPUTY}`));
  });
});
