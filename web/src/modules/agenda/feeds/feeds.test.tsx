import type { TCalendarFeed } from '@dircab/contracts';
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMe, fetchRouting, renderApp } from '../../../test/render';
import { FeedsPage } from './FeedsPage';
import '../../correspondence/test-stubs';

afterEach(() => vi.unstubAllGlobals());

const OFFICIAL_ID = '0190a000-0000-7000-8000-000000000602';
const AVAILABLE: TCalendarFeed = {
  id: null,
  kind: 'official',
  officialId: OFFICIAL_ID,
  label: 'Agenda de Paul Néhoué',
  url: null,
  createdAt: null,
  policies: { rotate: false, delete: false },
};
const TOKEN = 'A'.repeat(43);
const CREATED: TCalendarFeed = {
  ...AVAILABLE,
  id: '0190a000-0000-7000-8000-000000000c01',
  url: `https://dircab.example/api/v1/calendars/${TOKEN}.ics`,
  createdAt: '2026-12-07T00:00:00.000Z',
  policies: { rotate: true, delete: true },
};

describe('calendar feeds', { timeout: 20_000 }, () => {
  it('creates an agenda’s secret address and shows it once, to copy or open as webcal', async () => {
    let list = [AVAILABLE];
    const api = fetchRouting((method, url) => {
      if (url.startsWith('/api/v1/officials')) return [200, { data: [], nextCursor: null }];
      if (method === 'GET' && url === '/api/v1/calendars') return [200, { data: list }];
      if (method === 'POST' && url === '/api/v1/calendars') {
        list = [{ ...CREATED, url: null }];
        return [201, CREATED];
      }
      return undefined;
    });
    vi.stubGlobal('fetch', api.fn);
    renderApp(<FeedsPage />, { path: '/agenda/feeds', me: fakeMe('secretariat', ['agenda']) });
    fireEvent.click(await screen.findByRole('button', { name: 'Créer l’adresse' }));
    await vi.waitFor(() =>
      expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({ officialId: OFFICIAL_ID }),
    );
    const address = (await screen.findByLabelText(/^Adresse secrète/)) as HTMLInputElement;
    expect(address.value).toBe(CREATED.url);
    expect(screen.getByRole('button', { name: 'Copier' })).toBeDefined();
    expect(screen.getByRole('link', { name: /webcal/ }).getAttribute('href')).toBe(
      `webcal://dircab.example/api/v1/calendars/${TOKEN}.ics`,
    );
    // Once created, it may be changed or revoked; the steps for each calendar are there.
    expect(await screen.findByRole('button', { name: 'Changer l’adresse' })).toBeDefined();
    expect(screen.getByRole('button', { name: 'Révoquer' })).toBeDefined();
    expect(screen.getByRole('button', { name: /Outlook/ })).toBeDefined();
    expect(screen.getByRole('button', { name: /Google Agenda/ })).toBeDefined();
    expect(screen.getByRole('button', { name: /Apple Calendrier/ })).toBeDefined();
  });

  it('revokes after a confirmation, and not without', async () => {
    const api = fetchRouting((method, url) => {
      if (url.startsWith('/api/v1/officials')) return [200, { data: [], nextCursor: null }];
      if (method === 'GET' && url === '/api/v1/calendars') return [200, { data: [{ ...CREATED, url: null }] }];
      if (method === 'DELETE') return [204];
      return undefined;
    });
    vi.stubGlobal('fetch', api.fn);
    const confirm = vi.fn().mockReturnValueOnce(false).mockReturnValueOnce(true);
    vi.stubGlobal('confirm', confirm);
    renderApp(<FeedsPage />, { path: '/agenda/feeds', me: fakeMe('secretariat', ['agenda']) });
    expect(await screen.findByText(/L’adresse n’est montrée qu’à sa création/)).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: 'Révoquer' }));
    expect(api.calls.some((c) => c.method === 'DELETE')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Révoquer' }));
    await vi.waitFor(() =>
      expect(api.calls.find((c) => c.method === 'DELETE')?.url).toBe(`/api/v1/calendars/${CREATED.id}`),
    );
  });
});
