import type { TCase, TMemberOption } from '@dircab/contracts';
import { fireEvent, screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMe, fetchRouting, renderApp } from '../../test/render';
import '../correspondence/test-stubs';
import { NewNotePage } from './NewNotePage';
import { NotePeopleModal } from './NotePeopleModal';
import { PersonSelect } from './PeoplePicker';
import { MAYOR_ID, NOTE_ID, note } from './test-fixtures';
import { WriteNoteForCaseButton } from './WriteNoteForCaseButton';

afterEach(() => vi.unstubAllGlobals());

const me = fakeMe('chief_of_staff', ['notes', 'cases']);
const ADVISER_ID = '0190a000-0000-7000-8000-000000000011';
const WAMYTAN_ID = '0190a000-0000-7000-8000-000000000012';
const CASE_ID = '0190a000-0000-7000-8000-000000000301';

const person = (userId: string, name: string, role: TMemberOption['role'], jobTitle: string | null = null) => ({
  userId,
  name,
  role,
  jobTitle,
  active: true,
});
const PEOPLE = [
  person(MAYOR_ID, 'Hélène Boyer', 'executive', 'Maire'),
  person(ADVISER_ID, 'Julien Marchal', 'advisor'),
  person(WAMYTAN_ID, 'Paul Wamytan', 'services', 'Directeur des sports'),
];

/** The people lookup as the server answers it: by ids, by role, by part of the name (accents ignored). */
function peopleAnswer(url: string): readonly [number, unknown] | undefined {
  if (!url.startsWith('/api/v1/notes/people')) return undefined;
  const params = new URL(url, 'http://x').searchParams;
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const ids = params.get('ids')?.split(',');
  const data = PEOPLE.filter(
    (p) =>
      (!ids || ids.includes(p.userId)) &&
      (!params.get('role') || p.role === params.get('role')) &&
      fold(p.name).includes(fold(params.get('q') ?? '')),
  );
  return [200, { data, nextCursor: null }];
}

const aCase = (over: Partial<TCase> = {}): TCase => ({
  id: CASE_ID,
  kind: 'sensitive_matter',
  title: 'Foncier coutumier de Plum',
  summary: '',
  status: 'open',
  ownerId: null,
  team: [],
  confidentiality: 'confidential',
  members: [ADVISER_ID],
  territoryId: null,
  topics: [],
  riskLevel: 'high',
  dueDate: null,
  escalation: null,
  intervention: null,
  createdById: me.user.id,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  closedAt: null,
  policies: { read: true, update: true, link: true },
  ...over,
});

// jsdom never ends Mantine's opening transition: the options stay "hidden" to queries.
/** A chosen person shows as a pill in the multi-select (the options list names them too, hidden). */
const chosenPill = (name: string) => screen.findByText(name, { selector: '.mantine-Pill-label' });
const pick = async (name: RegExp, field: 'Select' | 'MultiSelect') => {
  // A page may hold both pickers, each listing the same person: take the option of the one typed in.
  const options = await screen.findAllByRole('option', { name, hidden: true }, { timeout: 5_000 });
  const option = options.find((o) => o.classList.contains(`mantine-${field}-option`));
  if (!option) throw new Error(`no ${field} option ${name}`);
  fireEvent.click(option);
};

describe('the people and confidentiality of a note', { timeout: 20_000 }, () => {
  it('names the people already on the note, searches the server as one types, and sends only what changed', async () => {
    const api = fetchRouting((method, url, body) => {
      if (method === 'PATCH' && url === `/api/v1/notes/${NOTE_ID}`) return [200, note(body as object)];
      return peopleAnswer(url);
    });
    vi.stubGlobal('fetch', api.fn);
    const onClose = vi.fn();
    renderApp(
      <NotePeopleModal
        note={note({ members: [MAYOR_ID, ADVISER_ID], policies: { update: true } })}
        opened
        onClose={onClose}
      />,
      { me },
    );
    // The adviser already named shows by name (asked by id), the author and addressee are not listed.
    expect(await chosenPill('Julien Marchal')).toBeDefined();
    fireEvent.click(screen.getByRole('radio', { name: 'Confidentiel' }));
    const members = screen.getByLabelText(/Personnes autorisées/, { selector: 'input' });
    members.focus();
    fireEvent.change(members, { target: { value: 'wamy' } });
    await vi.waitFor(() => expect(api.calls.some((c) => c.url.includes('q=wamy'))).toBe(true));
    await pick(/Paul Wamytan \(Directeur des sports\)/, 'MultiSelect');
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await vi.waitFor(() =>
      expect(api.calls.find((c) => c.method === 'PATCH')?.body).toEqual({
        confidentiality: 'confidential',
        members: [ADVISER_ID, WAMYTAN_ID],
      }),
    );
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it('refuses a confidential note with nobody named, sending nothing', async () => {
    const api = fetchRouting((_m, url) => peopleAnswer(url));
    vi.stubGlobal('fetch', api.fn);
    renderApp(<NotePeopleModal note={note({ members: [MAYOR_ID] })} opened onClose={() => {}} />, { me });
    fireEvent.click(await screen.findByRole('radio', { name: 'Confidentiel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Une note confidentielle nomme au moins une personne.')).toBeDefined();
    expect(api.calls.some((c) => c.method === 'PATCH')).toBe(false);
  });
});

describe('the people picker', { timeout: 20_000 }, () => {
  it('asks for more letters when the server has more than one page of matches', async () => {
    const api = fetchRouting((_m, url) =>
      url.startsWith('/api/v1/notes/people') ? [200, { data: PEOPLE, nextCursor: 'suite' }] : undefined,
    );
    vi.stubGlobal('fetch', api.fn);
    renderApp(<PersonSelect label="Personne" value={null} onChange={() => {}} />, { me });
    expect(
      await screen.findByText('Plus de 50 personnes correspondent : tapez quelques lettres de plus.'),
    ).toBeDefined();
  });
});

describe('a note from a case', { timeout: 20_000 }, () => {
  it('the case page offers « Rédiger une note » to a writer who may link to the case, and not otherwise', () => {
    vi.stubGlobal('fetch', fetchRouting(() => undefined).fn);
    const { unmount } = renderApp(<WriteNoteForCaseButton value={aCase()} />, { me });
    expect(screen.getByRole('link', { name: 'Rédiger une note' }).getAttribute('href')).toBe(
      `/notes/new?caseId=${CASE_ID}`,
    );
    unmount();
    const { unmount: again } = renderApp(<WriteNoteForCaseButton value={aCase({ policies: { link: false } })} />, {
      me,
    });
    expect(screen.queryByRole('link', { name: 'Rédiger une note' })).toBeNull();
    again();
    renderApp(<WriteNoteForCaseButton value={aCase()} />, { me: fakeMe('services', ['notes', 'cases']) });
    expect(screen.queryByRole('link', { name: 'Rédiger une note' })).toBeNull();
  });

  it('creates the note with the case filled in, confidential with the case’s people', async () => {
    const api = fetchRouting((method, url, body) => {
      if (url === `/api/v1/cases/${CASE_ID}`) return [200, aCase()];
      if (url.startsWith('/api/v1/notes/templates')) return [200, { data: [], nextCursor: null }];
      if (method === 'POST' && url === '/api/v1/notes') return [201, note({ ...(body as object), id: NOTE_ID })];
      return peopleAnswer(url);
    });
    vi.stubGlobal('fetch', api.fn);
    renderApp(
      <Routes>
        <Route path="/notes/new" element={<NewNotePage />} />
        <Route path="/notes/:id" element={<p>Page de la note</p>} />
      </Routes>,
      { path: `/notes/new?caseId=${CASE_ID}`, me },
    );
    expect((await screen.findByRole('link', { name: 'Foncier coutumier de Plum' })).getAttribute('href')).toBe(
      `/cases/${CASE_ID}`,
    );
    // The case is confidential: so is the note, with the case's people already named.
    expect(await chosenPill('Julien Marchal')).toBeDefined();
    expect((screen.getByRole('radio', { name: 'Confidentiel' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.change(screen.getByRole('textbox', { name: /Objet/ }), { target: { value: 'Position sur Plum' } });
    // Only the executive and officials are offered as addressee.
    const addressee = screen.getByLabelText(/Destinataire/, { selector: 'input' });
    addressee.focus();
    fireEvent.change(addressee, { target: { value: 'helene' } });
    await vi.waitFor(() =>
      expect(api.calls.some((c) => c.url.includes('role=executive') && c.url.includes('q=helene'))).toBe(true),
    );
    await pick(/Hélène Boyer/, 'Select');
    fireEvent.click(screen.getByRole('button', { name: 'Créer la note' }));
    await vi.waitFor(() =>
      expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({
        kind: 'note_to_executive',
        title: 'Position sur Plum',
        addresseeId: MAYOR_ID,
        confidentiality: 'confidential',
        members: [ADVISER_ID],
        caseId: CASE_ID,
      }),
    );
    expect(await screen.findByText('Page de la note')).toBeDefined();
  });
});
