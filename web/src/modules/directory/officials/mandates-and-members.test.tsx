import type { TContact, TContactMandate, TMemberOption, TOfficial, TPoliticalGroup } from '@dircab/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMe, fetchRouting, renderApp } from '../../../test/render';
import { ContactMandatesPanel } from './ContactMandatesPanel';
import { OfficialFormModal } from './OfficialFormModal';
import { PoliticalGroupsPage } from './PoliticalGroupsPage';

afterEach(() => vi.unstubAllGlobals());

const OFFICIAL_ID = '0190a000-0000-7000-8000-000000000500';
const nina = { id: '0190a000-0000-7000-8000-000000000300', displayName: 'Nina JULIÉ' } as TContact;

const mandate = (n: number, over: Partial<TContactMandate>): TContactMandate => ({
  id: `0190a000-0000-7000-8000-0000000006${String(n).padStart(2, '0')}`,
  function: 'maire',
  rank: null,
  label: null,
  body: 'conseil_municipal',
  bodyName: null,
  collectivityCode: '98817',
  collectivityName: 'Mont-Dore',
  startDate: '2026-03-22',
  endDate: null,
  isOwnOrganisation: true,
  source: 'rne',
  officialId: OFFICIAL_ID,
  inForce: true,
  ...over,
});

describe('the contact page’s « Mandats » panel', () => {
  it('lists the mandates as the API orders them, marks the ended ones and links to the official’s page', async () => {
    const mandates = [
      mandate(1, {}),
      mandate(2, {
        function: 'membre_congres',
        body: 'congres',
        collectivityCode: null,
        collectivityName: null,
        officialId: null,
        isOwnOrganisation: false,
        startDate: '2019-05-24',
      }),
      mandate(3, { function: 'adjoint', rank: 2, startDate: '2014-03-30', endDate: '2020-05-23', inForce: false }),
    ];
    vi.stubGlobal(
      'fetch',
      fetchRouting((_m, url) =>
        url.startsWith(`/api/v1/contacts/${nina.id}/mandates`)
          ? [200, { data: mandates, nextCursor: null }]
          : undefined,
      ).fn,
    );
    renderApp(<ContactMandatesPanel contact={nina} />, { me: fakeMe('advisor', ['directory']) });
    const region = await screen.findByRole('region', { name: 'Mandats' });
    const table = await within(region).findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]?.textContent)).toEqual([
      'Maire',
      'Membre du Congrès',
      'Adjoint au maire n° 2Terminé',
    ]);
    expect(rows[0]?.textContent).toContain('Mont-Dore (98817)22/03/2026Répertoire national des élus');
    const links = within(table).getAllByRole('link', { name: 'Fiche de l’élu' });
    expect(links).toHaveLength(2);
    expect(links[0]?.getAttribute('href')).toBe(`/directory/officials/${OFFICIAL_ID}`);
    expect(within(rows[1] as HTMLElement).queryByRole('link')).toBeNull();
  });

  it('says when the contact carries no mandate, and offers the next page when there is one', async () => {
    vi.stubGlobal('fetch', fetchRouting(() => [200, { data: [], nextCursor: null }]).fn);
    const { unmount } = renderApp(<ContactMandatesPanel contact={nina} />, { me: fakeMe('advisor', ['directory']) });
    expect(await screen.findByText('Aucun mandat connu.')).toBeDefined();
    unmount();

    const api = fetchRouting((_m, url) =>
      url.includes('cursor=next')
        ? [200, { data: [mandate(5, { function: 'conseiller_municipal' })], nextCursor: null }]
        : [200, { data: [mandate(4, {})], nextCursor: 'next' }],
    );
    vi.stubGlobal('fetch', api.fn);
    renderApp(<ContactMandatesPanel contact={nina} />, { me: fakeMe('advisor', ['directory']) });
    fireEvent.click(await screen.findByRole('button', { name: 'Afficher plus de mandats' }));
    expect(await screen.findByText('Conseiller municipal')).toBeDefined();
    expect(screen.queryByRole('button', { name: 'Afficher plus de mandats' })).toBeNull();
  });
});

const member = (n: number, name: string, role: TMemberOption['role'], jobTitle: string | null = null) => ({
  userId: `0190a000-0000-7000-8000-0000000007${String(n).padStart(2, '0')}`,
  name,
  role,
  jobTitle,
  active: true,
});
const HELENE = member(1, 'Hélène Lagarde', 'group_staff', 'Collaboratrice');
const PAUL = member(2, 'Paul Néhoué', 'official');
const LUC = member(3, 'Luc Wamytan', 'group_staff');

/** The lookup as the server answers it: by ids, else by name and role. */
function lookup(url: string): [number, unknown] | undefined {
  if (!url.startsWith('/api/v1/members/lookup')) return undefined;
  const params = new URL(url, 'http://x').searchParams;
  const ids = params.get('ids')?.split(',');
  const q = params.get('q')?.toLowerCase();
  const role = params.get('role');
  const data = [HELENE, PAUL, LUC].filter(
    (m) => (!ids || ids.includes(m.userId)) && (!q || m.name.toLowerCase().includes(q)) && (!role || m.role === role),
  );
  return [200, { data, nextCursor: null }];
}

describe('the official form’s account', () => {
  it('shows the linked account by name and links another one found by name', async () => {
    const official = {
      id: OFFICIAL_ID,
      contactId: nina.id,
      userId: HELENE.userId,
      displayName: 'Nina JULIÉ',
      sortName: 'julie nina',
      mandates: [],
      portfolios: [],
      politicalGroup: null,
      createdAt: '2026-11-01T00:00:00.000Z',
      updatedAt: '2026-11-01T00:00:00.000Z',
      policies: { read: true, update: true, delete: true },
    } satisfies TOfficial;
    const api = fetchRouting((method, url, body) => {
      if (method === 'PATCH') return [200, { ...official, ...(body as object) }];
      if (url.startsWith('/api/v1/political-groups')) return [200, { data: [] }];
      return lookup(url);
    });
    vi.stubGlobal('fetch', api.fn);
    renderApp(<OfficialFormModal opened official={official} onClose={() => {}} onSaved={() => {}} />, {
      me: fakeMe('chief_of_staff', ['directory']),
    });
    const dialog = await screen.findByRole('dialog');
    const account = within(dialog).getByLabelText(/Compte utilisateur/, { selector: 'input' }) as HTMLInputElement;
    await vi.waitFor(() =>
      expect(account.value).toBe('Hélène Lagarde · Collaborateur(trice) de groupe · Collaboratrice'),
    );
    account.focus();
    fireEvent.change(account, { target: { value: 'paul' } });
    // The server filters by name (accents ignored there), after a short pause in typing.
    await vi.waitFor(() =>
      expect(api.calls.some((c) => c.url.includes('/api/v1/members/lookup') && c.url.includes('q=paul'))).toBe(true),
    );
    fireEvent.click(
      await screen.findByRole('option', { name: 'Paul Néhoué · Élu(e)', hidden: true }, { timeout: 2000 }),
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await vi.waitFor(() => expect(api.calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(api.calls.find((c) => c.method === 'PATCH')?.body).toMatchObject({ userId: PAUL.userId });
  });
});

describe('the political groups page’s staff', () => {
  it('names the current staff and adds a group_staff member chosen by name', async () => {
    const group: TPoliticalGroup = {
      id: '0190a000-0000-7000-8000-000000000800',
      name: 'Unis pour Mont-Dore',
      side: 'majority',
      staff: [HELENE.userId],
      officialCount: 3,
      createdAt: '2026-11-01T00:00:00.000Z',
      updatedAt: '2026-11-01T00:00:00.000Z',
      policies: { read: true, update: true, delete: true },
    };
    const api = fetchRouting((method, url, body) => {
      if (method === 'PATCH') return [200, { ...group, ...(body as object) }];
      if (url === '/api/v1/political-groups') return [200, { data: [group] }];
      return lookup(url);
    });
    vi.stubGlobal('fetch', api.fn);
    renderApp(<PoliticalGroupsPage />, { path: '/directory/groups', me: fakeMe('chief_of_staff', ['directory']) });
    fireEvent.click(await screen.findByRole('button', { name: 'Modifier Unis pour Mont-Dore' }));
    const dialog = await screen.findByRole('dialog');
    const staff = within(dialog).getByLabelText(/Collaborateurs du groupe/, { selector: 'input' });
    expect(
      await within(dialog).findByText('Hélène Lagarde · Collaborateur(trice) de groupe · Collaboratrice'),
    ).toBeDefined();
    staff.focus();
    fireEvent.change(staff, { target: { value: 'luc' } });
    // Only group_staff members are offered: the server is asked for that role.
    await vi.waitFor(() =>
      expect(api.calls.some((c) => c.url.includes('q=luc') && c.url.includes('role=group_staff'))).toBe(true),
    );
    fireEvent.click(
      await screen.findByRole(
        'option',
        { name: 'Luc Wamytan · Collaborateur(trice) de groupe', hidden: true },
        { timeout: 2000 },
      ),
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await vi.waitFor(() => expect(api.calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(api.calls.find((c) => c.method === 'PATCH')?.body).toMatchObject({
      staff: [HELENE.userId, LUC.userId],
    });
  });
});
