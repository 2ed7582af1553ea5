import type { TFigures } from '@dircab/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMe, fetchRouting, renderApp } from '../../../test/render';
import { FiguresPage } from './FiguresPage';
import { presetPeriod } from './periods';
import '../test-stubs';

afterEach(() => vi.unstubAllGlobals());

const row = (label: string, extra: Partial<TFigures['total']> = {}): TFigures['total'] => ({
  id: null,
  label,
  received: 12,
  closed: 9,
  medianDays: 6.5,
  p90Days: 21,
  withinDueShare: 0.75,
  openOverdue: 2,
  ...extra,
});
const FIGURES: TFigures = {
  from: '2026-03-01',
  to: '2026-03-31',
  total: row('Total'),
  byService: [row('Services techniques', { id: '0190a000-0000-7000-8000-000000000c01', received: 8, openOverdue: 2 })],
  byType: [row('Urbanisme', { id: '0190a000-0000-7000-8000-000000000c02', medianDays: null, withinDueShare: null })],
  byStatus: [
    { status: 'closed', count: 9 },
    { status: 'in_progress', count: 3 },
  ],
  byChannel: [
    { channel: 'email', count: 6 },
    { channel: 'phone', count: 6 },
  ],
};

describe('response-time figures', { timeout: 20_000 }, () => {
  it('shows the period’s figures as tables: by status, by channel, per service and per type', async () => {
    const api = fetchRouting((method, url) =>
      method === 'GET' && url.startsWith('/api/v1/correspondence/figures?') ? [200, FIGURES] : undefined,
    );
    vi.stubGlobal('fetch', api.fn);
    renderApp(<FiguresPage />, { path: '/correspondence/figures', me: fakeMe('chief_of_staff', ['correspondence']) });
    const services = await screen.findByRole('table', { name: 'Délais de réponse par service chargé du courrier' });
    const serviceRow = within(services).getByRole('row', { name: /Services techniques/ });
    expect(
      within(serviceRow)
        .getAllByRole('cell')
        .map((c) => c.textContent?.replace(/\s/g, ' ')),
    ).toEqual(['8', '9', '6,5', '21', '75 %', '2']);
    const types = screen.getByRole('table', { name: 'Délais de réponse par type de courrier' });
    expect(within(types).getByRole('row', { name: /Urbanisme/ }).textContent).toContain('—');
    const statuses = screen.getByRole('table', { name: /selon leur état aujourd’hui/ });
    const cells = (table: HTMLElement, name: RegExp) =>
      within(within(table).getByRole('row', { name }))
        .getAllByRole('cell')
        .map((c) => c.textContent?.replace(/\s/g, ' '));
    expect(cells(statuses, /En cours/)).toEqual(['3', '25 %']);
    const channels = screen.getByRole('table', { name: /selon leur canal d’arrivée/ });
    expect(cells(channels, /Téléphone/)).toEqual(['6', '50 %']);
    // The month so far, by default, in the organisation's calendar.
    expect(api.calls[0]?.url).toMatch(/from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-\d{2}$/);
  });

  it('asks again for a chosen period, and shows the server’s refusal at the end date', async () => {
    const api = fetchRouting((method, url) => {
      if (url.includes('to=2026-01-01'))
        return [
          400,
          {
            title: 'Bad Request',
            status: 400,
            detail: 'Les paramètres de la requête contiennent des valeurs invalides.',
            errors: [{ path: 'to', message: 'La date de fin doit suivre la date de début.' }],
          },
        ];
      return method === 'GET' ? [200, FIGURES] : undefined;
    });
    vi.stubGlobal('fetch', api.fn);
    renderApp(<FiguresPage />, { path: '/correspondence/figures', me: fakeMe('secretariat', ['correspondence']) });
    await screen.findByRole('table', { name: 'Délais de réponse par type de courrier' });
    fireEvent.change(screen.getByLabelText('Du'), { target: { value: '2026-03-01' } });
    fireEvent.change(screen.getByLabelText('Au'), { target: { value: '2026-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Afficher' }));
    expect(await screen.findByText('La date de fin doit suivre la date de début.')).toBeDefined();
    expect(screen.getByLabelText('Au').getAttribute('aria-invalid')).toBe('true');
    expect(api.calls.at(-1)?.url).toBe('/api/v1/correspondence/figures?from=2026-03-01&to=2026-01-01');
  });

  it('reads the period from the address', async () => {
    const api = fetchRouting((method) => (method === 'GET' ? [200, FIGURES] : undefined));
    vi.stubGlobal('fetch', api.fn);
    renderApp(<FiguresPage />, {
      path: '/correspondence/figures?from=2026-03-01&to=2026-03-31',
      me: fakeMe('chief_of_staff', ['correspondence']),
    });
    expect(await screen.findByRole('heading', { name: /du 1 mars 2026 au 31 mars 2026/ })).toBeDefined();
    expect(api.calls[0]?.url).toBe('/api/v1/correspondence/figures?from=2026-03-01&to=2026-03-31');
    expect((screen.getByLabelText('Du') as HTMLInputElement).value).toBe('2026-03-01');
  });

  it('keeps the figures from the roles outside the cabinet, without asking the server', async () => {
    const api = fetchRouting(() => undefined);
    vi.stubGlobal('fetch', api.fn);
    renderApp(<FiguresPage />, { path: '/correspondence/figures', me: fakeMe('services', ['correspondence']) });
    expect(await screen.findByText('Les chiffres du courrier sont réservés au cabinet.')).toBeDefined();
    expect(api.calls).toEqual([]);
  });
});

describe('period presets', () => {
  it('count whole months and years from the organisation’s day', () => {
    expect(presetPeriod('lastMonth', '2026-03-15')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetPeriod('last30', '2026-03-15')).toEqual({ from: '2026-02-14', to: '2026-03-15' });
    expect(presetPeriod('lastYear', '2026-01-02')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(presetPeriod('thisMonth', '2026-01-31')).toEqual({ from: '2026-01-01', to: '2026-01-31' });
  });
});
