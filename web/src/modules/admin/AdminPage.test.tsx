import type { TMember } from '@dircab/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMe, fetchRouting, renderApp } from '../../test/render';
import AdminPage from './AdminPage';

afterEach(() => vi.unstubAllGlobals());

const ID = '0190a000-0000-7000-8000-0000000000b1';
const POLICIES = { update: true, disable: true, enable: false };

function member(userId: string, name: string): TMember {
  return {
    userId,
    name,
    email: `${userId.slice(-4)}@mont-dore.example`,
    role: 'advisor',
    jobTitle: null,
    serviceId: null,
    signsMail: false,
    active: true,
    twoFactorEnabled: false,
    createdAt: '2026-03-01T00:00:00Z',
    policies: POLICIES,
  };
}

const ALINE = member(ID, 'Aline Tchoéaoua');
const OTHERS = [member('0190a000-0000-7000-8000-0000000000b2', 'Paul Néhoué')];

function Where() {
  return <output data-testid="where">{useLocation().pathname}</output>;
}

function renderAdmin(path: string) {
  return renderApp(
    <>
      <Routes>
        <Route path="admin/*" element={<AdminPage />} />
      </Routes>
      <Where />
    </>,
    { path, me: fakeMe('admin', ['home', 'audit', 'admin']) },
  );
}

const listAnswer = (total: number) => [200, { data: [...OTHERS], nextCursor: 'next', total }] as const;

describe('AdminPage, a member by its address', () => {
  it('opens the drawer of the member of /admin/members/:userId, read from the server', async () => {
    const api = fetchRouting((_method, url) => {
      if (url === `/api/v1/members/${ID}`) return [200, ALINE];
      if (url.startsWith('/api/v1/members?')) return listAnswer(120);
      if (url.startsWith('/api/v1/audit?')) return [200, { data: [], nextCursor: null }];
      return undefined;
    });
    vi.stubGlobal('fetch', api.fn);
    renderAdmin(`/admin/members/${ID}`);

    const drawer = await screen.findByRole('dialog', { name: 'Aline Tchoéaoua' });
    expect(within(drawer).getByText(ALINE.email)).toBeDefined();
    expect(api.calls.some((c) => c.url === `/api/v1/members/${ID}`)).toBe(true);
    // Behind it, the list says how many members the organisation has, loaded or not.
    expect(await screen.findByText('120 membres dans l’organisation')).toBeDefined();
    expect(screen.getByText('1 membre affiché sur 120')).toBeDefined();

    fireEvent.click(within(drawer).getByRole('button', { name: 'Fermer' }));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/admin'));
  });

  it('opens a member from the list at its own address', async () => {
    vi.stubGlobal(
      'fetch',
      fetchRouting((_method, url) => {
        if (url.startsWith('/api/v1/members?')) return [200, { data: [ALINE], nextCursor: null, total: 1 }];
        if (url === `/api/v1/members/${ID}`) return [200, ALINE];
        if (url.startsWith('/api/v1/audit?')) return [200, { data: [], nextCursor: null }];
        return undefined;
      }).fn,
    );
    renderAdmin('/admin');
    fireEvent.click(await screen.findByRole('button', { name: 'Gérer Aline Tchoéaoua' }));
    expect(await screen.findByRole('dialog', { name: 'Aline Tchoéaoua' })).toBeDefined();
    expect(screen.getByTestId('where').textContent).toBe(`/admin/members/${ID}`);
    expect(screen.getByText('1 membre', { selector: 'caption' })).toBeDefined();
  });

  it.each([
    [404, ID],
    [400, 'pas-un-identifiant'],
  ])('says plainly, in French, that the member is not there (%i)', async (status, userId) => {
    vi.stubGlobal(
      'fetch',
      fetchRouting((_method, url) => {
        if (url === `/api/v1/members/${userId}`) return [status, { type: 'about:blank', title: 'Not Found', status }];
        if (url.startsWith('/api/v1/members?')) return listAnswer(1);
        return undefined;
      }).fn,
    );
    renderAdmin(`/admin/members/${userId}`);
    const drawer = await screen.findByRole('dialog', { name: 'Membre introuvable' });
    expect(within(drawer).getByRole('alert').textContent).toContain(
      'Ce membre n’existe pas ou n’appartient pas à cette organisation.',
    );
    fireEvent.click(within(drawer).getByRole('button', { name: 'Revenir à la liste des membres' }));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/admin'));
  });
});

describe('AdminPage, the retention periods', () => {
  it('lets the admin, who has no directory, read and save the retention periods', async () => {
    const api = fetchRouting((method, url, body) => {
      if (url.startsWith('/api/v1/members?')) return listAnswer(1);
      if (url !== '/api/v1/privacy/retention') return undefined;
      const saved = { isDefault: method === 'GET', updatedAt: null, policies: { update: true } };
      return method === 'GET'
        ? [200, { constituents: 36, otherOfficials: 72, ownOfficials: 72, organisationNotes: 60, ...saved }]
        : [200, { ...(body as object), ...saved }];
    });
    vi.stubGlobal('fetch', api.fn);
    renderAdmin('/admin');
    fireEvent.click(await screen.findByRole('tab', { name: 'Durées de conservation' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Durées de conservation' })).toBeDefined();
    const notes = (await screen.findByLabelText(/Notes des fiches d’organismes/)) as HTMLInputElement;
    expect(notes.value).toBe('60');
    fireEvent.change(notes, { target: { value: '48' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await vi.waitFor(() =>
      expect(api.calls.find((c) => c.method === 'PUT')?.body).toEqual({
        constituents: 36,
        otherOfficials: 72,
        ownOfficials: 72,
        organisationNotes: 48,
      }),
    );
  });
});
