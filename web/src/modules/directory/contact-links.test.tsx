import type { TContact, TDuplicatePair, TRelation, TTimelineEntry } from '@dircab/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMe, fetchRouting, renderApp } from '../../test/render';
import { DuplicatesPage } from './DuplicatesPage';
import { MergePage } from './MergePage';
import { RelationsPanel } from './RelationsPanel';
import { relationChoices } from './relation-options';
import { TimelinePanel } from './TimelinePanel';

afterEach(() => vi.unstubAllGlobals());

const id = (n: number) => `0190a000-0000-7000-8000-0000000000${String(n).padStart(2, '0')}`;
const contact = (n: number, over: Partial<TContact> = {}): TContact => ({
  id: id(n),
  kind: 'person',
  civility: 'Mme',
  firstName: 'Julie',
  lastName: 'Dupont',
  name: null,
  orgType: null,
  formOfAddress: null,
  jobTitle: null,
  employer: null,
  addresses: [],
  emails: [],
  phones: [],
  territoryId: null,
  tags: [],
  notes: null,
  source: null,
  consent: false,
  consentDate: null,
  confidentiality: 'normal',
  members: [],
  displayName: 'Julie Dupont',
  sortName: 'dupont julie',
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  policies: { read: true, update: true, delete: true },
  ...over,
});
const ASSO = contact(2, { kind: 'organisation', name: 'Association X', displayName: 'Association X' });
const me = fakeMe('chief_of_staff', ['directory']);

describe('relations', () => {
  it('offers each kind both ways, a symmetric kind once', () => {
    const t = i18next.t.bind(i18next);
    const labels = relationChoices(t).map((c) => c.label);
    expect(labels).toEqual(expect.arrayContaining(['travaille pour', 'emploie', 'préside', 'est présidé(e) par']));
    expect(labels.filter((l) => l === 'conjoint(e) de')).toHaveLength(1);
    expect(relationChoices(t, 'incoming').map((c) => c.value)).not.toContain('works_for:outgoing');
  });

  it('reads a relation from the other side with the inverse wording', async () => {
    const relation: TRelation = {
      id: id(50),
      kind: 'works_for',
      direction: 'incoming',
      other: { id: id(1), displayName: 'Julie Dupont', kind: 'person' },
      label: 'Trésorière',
      startDate: '2024-01-01',
      endDate: null,
      policies: { update: true, delete: true },
    };
    vi.stubGlobal(
      'fetch',
      fetchRouting((_m, url) =>
        url.startsWith(`/api/v1/contacts/${ASSO.id}/relations`)
          ? [200, { data: [relation], nextCursor: null }]
          : undefined,
      ).fn,
    );
    renderApp(<RelationsPanel contact={ASSO} />, { me });
    const item = (await screen.findByRole('link', { name: 'Julie Dupont' })).closest('li') as HTMLElement;
    expect(item.textContent).toContain('emploie');
    expect(item.textContent).toContain('(Trésorière)');
    expect(within(item).getByRole('button', { name: 'Modifier la relation avec Julie Dupont' })).toBeDefined();
  });

  it('adds one with the contact picker, sending the kind and the direction chosen', async () => {
    const julie = contact(1);
    const api = fetchRouting((method, url) => {
      if (url.startsWith(`/api/v1/contacts/${julie.id}/relations`) && method === 'GET') {
        return [200, { data: [], nextCursor: null }];
      }
      if (url.startsWith('/api/v1/contacts?q=asso')) return [200, { data: [ASSO], nextCursor: null }];
      if (method === 'POST') return [201, {}];
      return undefined;
    });
    vi.stubGlobal('fetch', api.fn);
    renderApp(<RelationsPanel contact={julie} />, { me });
    fireEvent.click(await screen.findByRole('button', { name: 'Ajouter une relation' }));
    const dialog = await screen.findByRole('dialog');
    // Nothing chosen yet: the form says what is missing and sends nothing.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ajouter une relation' }));
    expect(await within(dialog).findByText('Choisissez le contact lié.')).toBeDefined();
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.click(within(dialog).getByLabelText(/Relation \(Julie Dupont…\)/));
    fireEvent.click(await screen.findByRole('option', { name: 'travaille pour', hidden: true }));
    const picker = within(dialog).getByLabelText(/Contact lié/, { selector: 'input' });
    // Mantine takes a change of an unfocused input for autofill, not typing.
    picker.focus();
    fireEvent.change(picker, { target: { value: 'asso' } });
    fireEvent.click(await screen.findByRole('option', { name: 'Association X', hidden: true }, { timeout: 2000 }));
    fireEvent.change(within(dialog).getByLabelText('Rôle ou précision'), { target: { value: 'Trésorière' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ajouter une relation' }));
    await vi.waitFor(() => expect(api.calls.some((c) => c.method === 'POST')).toBe(true));
    expect(api.calls.find((c) => c.method === 'POST')).toMatchObject({
      url: `/api/v1/contacts/${julie.id}/relations`,
      body: {
        otherContactId: ASSO.id,
        kind: 'works_for',
        direction: 'outgoing',
        label: 'Trésorière',
        startDate: null,
        endDate: null,
      },
    });
  });
});

describe('the timeline', () => {
  const entry = (n: number, over: Partial<TTimelineEntry> = {}): TTimelineEntry => ({
    id: `audit:${n}`,
    at: '2026-11-02T00:00:00.000Z',
    kind: 'audit',
    title: `Événement ${n}`,
    summary: null,
    link: null,
    actorName: 'Hélène Boyer',
    undoMergeAuditId: null,
    ...over,
  });

  it('shows the feed, « Afficher plus » fetches the next page, and a merge can be undone from it', async () => {
    const julie = contact(1);
    const api = fetchRouting((method, url) => {
      if (url === `/api/v1/contacts/${julie.id}/timeline?limit=20`) {
        return [
          200,
          {
            data: [entry(1, { title: 'Doublon fusionné dans cette fiche', undoMergeAuditId: id(77) })],
            nextCursor: 'c2',
          },
        ];
      }
      if (url === `/api/v1/contacts/${julie.id}/timeline?limit=20&cursor=c2`) {
        return [200, { data: [entry(2, { title: 'Fiche créée' })], nextCursor: null }];
      }
      if (method === 'POST') return [200, { keptId: julie.id, duplicateId: id(3), auditId: id(78) }];
      return undefined;
    });
    vi.stubGlobal('fetch', api.fn);
    renderApp(<TimelinePanel contact={julie} />, { me });
    expect(await screen.findByText('Doublon fusionné dans cette fiche')).toBeDefined();
    expect(screen.queryByText('Fiche créée')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Afficher plus' }));
    expect(await screen.findByText('Fiche créée')).toBeDefined();
    expect(screen.queryByRole('button', { name: 'Afficher plus' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Annuler la fusion' }));
    await vi.waitFor(() =>
      expect(
        api.calls.some((c) => c.method === 'POST' && c.url === `/api/v1/contacts/${julie.id}/merges/${id(77)}/undo`),
      ).toBe(true),
    );
  });
});

describe('the merge screen', () => {
  it('asks per differing field, confirms, then merges with the values chosen', async () => {
    const kept = contact(1, { jobTitle: null, emails: [{ email: 'julie@example.nc' }] });
    const duplicate = contact(3, { firstName: 'JULIÉ', displayName: 'JULIÉ DUPONT', jobTitle: 'Présidente' });
    const api = fetchRouting((method, url) => {
      if (url === `/api/v1/contacts/${kept.id}`) return [200, kept];
      if (url === `/api/v1/contacts/${duplicate.id}`) return [200, duplicate];
      if (url.startsWith('/api/v1/territories')) return [200, { data: [], nextCursor: null }];
      if (method === 'POST') return [200, { keptId: kept.id, duplicateId: duplicate.id, auditId: id(90), moved: {} }];
      return undefined;
    });
    vi.stubGlobal('fetch', api.fn);
    renderApp(
      <Routes>
        <Route path="/directory/contacts/:id/merge/:otherId" element={<MergePage />} />
        <Route path="/directory/contacts/:id" element={<p>fiche</p>} />
      </Routes>,
      { path: `/directory/contacts/${kept.id}/merge/${duplicate.id}`, me },
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Fusionner deux fiches' })).toBeDefined();
    // Two fields differ (first name, job title): one radio group each, the kept value by default.
    const groups = screen.getAllByRole('radiogroup');
    expect(groups).toHaveLength(2);
    expect(screen.getByRole('radio', { name: 'Julie (fiche conservée)' })).toHaveProperty('checked', true);
    fireEvent.click(screen.getByRole('radio', { name: 'Présidente (doublon)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Continuer' }));
    expect(await screen.findByRole('heading', { name: 'Confirmer la fusion' })).toBeDefined();
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Fusionner' }));
    await vi.waitFor(() => expect(api.calls.some((c) => c.method === 'POST')).toBe(true));
    expect(api.calls.find((c) => c.method === 'POST')).toMatchObject({
      url: `/api/v1/contacts/${kept.id}/merge`,
      body: { duplicateId: duplicate.id, keep: { jobTitle: 'duplicate' } },
    });
    expect(await screen.findByText('fiche')).toBeDefined();
  });
});

describe('the merge screen, for a role that may not delete contacts', () => {
  it('says so and offers no way to go on', async () => {
    const policies = { read: true, update: true, delete: false };
    const kept = contact(1, { policies });
    const duplicate = contact(3, { jobTitle: 'Présidente', policies });
    vi.stubGlobal(
      'fetch',
      fetchRouting((_m, url) => {
        if (url === `/api/v1/contacts/${kept.id}`) return [200, kept];
        if (url === `/api/v1/contacts/${duplicate.id}`) return [200, duplicate];
        if (url.startsWith('/api/v1/territories')) return [200, { data: [], nextCursor: null }];
        return undefined;
      }).fn,
    );
    renderApp(
      <Routes>
        <Route path="/directory/contacts/:id/merge/:otherId" element={<MergePage />} />
      </Routes>,
      { path: `/directory/contacts/${kept.id}/merge/${duplicate.id}`, me: fakeMe('advisor', ['directory']) },
    );
    expect(await screen.findByText(/Votre rôle ne permet pas de fusionner/)).toBeDefined();
    expect(screen.getByRole('button', { name: 'Continuer' })).toHaveProperty('disabled', true);
  });
});

describe('the duplicates list', () => {
  it('lists the pairs with their reasons and dismisses one', async () => {
    const pair: TDuplicatePair = {
      contact: { id: id(1), displayName: 'Julie Dupont', kind: 'person' },
      duplicate: { id: id(3), displayName: 'JULIÉ DUPONT', kind: 'person' },
      score: 95,
      reasons: ['name', 'email'],
      policies: { merge: true, dismiss: true },
    };
    const api = fetchRouting((method, url) => {
      if (url.startsWith('/api/v1/contacts/duplicates')) return [200, { data: [pair], nextCursor: null }];
      if (method === 'POST') return [204];
      return undefined;
    });
    vi.stubGlobal('fetch', api.fn);
    renderApp(<DuplicatesPage />, { path: '/directory/duplicates', me });
    expect(await screen.findByRole('link', { name: 'JULIÉ DUPONT' })).toBeDefined();
    expect(screen.getByText('même courriel')).toBeDefined();
    expect(
      screen.getByRole('link', { name: 'Comparer et fusionner Julie Dupont et JULIÉ DUPONT' }).getAttribute('href'),
    ).toBe(`/directory/contacts/${id(1)}/merge/${id(3)}`);
    expect(screen.getByRole('link', { name: 'Doublons' }).getAttribute('aria-current')).toBe('page');
    fireEvent.click(screen.getByRole('button', { name: 'Julie Dupont et JULIÉ DUPONT ne sont pas des doublons' }));
    await vi.waitFor(() =>
      expect(api.calls.find((c) => c.method === 'POST')).toMatchObject({
        url: `/api/v1/contacts/${id(1)}/duplicates/dismiss`,
        body: { duplicateId: id(3) },
      }),
    );
  });
});
