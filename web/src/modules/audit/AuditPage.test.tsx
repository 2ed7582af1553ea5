import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMe, fetchRouting, renderApp } from '../../test/render';
import AuditPage from './AuditPage';

afterEach(() => vi.unstubAllGlobals());

const ME = fakeMe('chief_of_staff', ['home', 'search', 'audit']);
const PAUL = { id: '0190a000-0000-7000-8000-0000000000c2', name: 'Paul Néhoué' };
const ALINE = { id: '0190a000-0000-7000-8000-0000000000c1', name: 'Aline Tchoéaoua' };

describe('AuditPage, the author filter', () => {
  it('offers every member of the organisation, even one with no entry loaded, and filters on it', async () => {
    const api = fetchRouting((_method, url) => {
      if (url === '/api/v1/audit/actors') return [200, { data: [PAUL, ALINE] }];
      if (url.startsWith('/api/v1/audit?')) return [200, { data: [], nextCursor: null }];
      return undefined;
    });
    vi.stubGlobal('fetch', api.fn);
    renderApp(<AuditPage />, { path: '/audit', me: ME });
    expect(await screen.findByText('Aucune action ne correspond à ces filtres.')).toBeDefined();

    const select = screen.getByLabelText('Auteur', { selector: 'input' });
    fireEvent.click(select);
    fireEvent.change(select, { target: { value: 'Aline' } });
    // jsdom never ends Mantine's opening transition: the options stay "hidden" to queries.
    fireEvent.click(await screen.findByRole('option', { name: 'Aline Tchoéaoua', hidden: true }));
    fireEvent.click(screen.getByRole('button', { name: 'Filtrer' }));

    await vi.waitFor(() =>
      expect(api.calls.some((c) => c.url.startsWith('/api/v1/audit?') && c.url.includes(`actorId=${ALINE.id}`))).toBe(
        true,
      ),
    );
  });

  it('says so when the list of authors cannot be loaded', async () => {
    vi.stubGlobal(
      'fetch',
      fetchRouting((_method, url) => {
        if (url === '/api/v1/audit/actors') return [403, { title: 'Forbidden', status: 403 }];
        if (url.startsWith('/api/v1/audit?')) return [200, { data: [], nextCursor: null }];
        return undefined;
      }).fn,
    );
    renderApp(<AuditPage />, { path: '/audit', me: ME });
    expect(await screen.findByText('La liste des auteurs n’a pas pu être chargée.')).toBeDefined();
  });
});
