import type { TTask } from '@dircab/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMe, fetchRouting, renderApp } from '../../test/render';
import '../correspondence/test-stubs';
import TasksPage from './TasksPage';
import { linkedRecordPath } from './tasks-api';

afterEach(() => vi.unstubAllGlobals());

const id = (n: number) => `0190a000-0000-7000-8000-0000000002${String(n).padStart(2, '0')}`;
const ME = fakeMe('advisor', ['tasks']);
const SERVICE = id(50);

const aTask = (over: Partial<TTask> = {}): TTask => ({
  id: id(1),
  title: 'Recevoir la chefferie',
  description: '',
  assigneeUserId: ME.user.id,
  assigneeServiceId: null,
  dueDate: '2026-11-30',
  status: 'todo',
  link: { kind: 'case', id: id(9) },
  confidentiality: 'normal',
  overdue: true,
  createdById: id(8),
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  completedAt: null,
  policies: { read: true, update: false, progress: true },
  ...over,
});

function tasksApi(tasks: TTask[], extra: (method: string, url: string, body: unknown) => unknown = () => undefined) {
  return fetchRouting((method, url, body) => {
    const more = extra(method, url, body);
    if (more) return more as [number, unknown];
    if (url.startsWith('/api/v1/tasks?')) return [200, { data: tasks, nextCursor: null }];
    const one = tasks.find((t) => url === `/api/v1/tasks/${t.id}`);
    if (one && method === 'GET') return [200, one];
    if (url.startsWith('/api/v1/services')) {
      return [200, { data: [{ id: SERVICE, name: 'Services techniques' }], nextCursor: null }];
    }
    if (url.startsWith('/api/v1/members/lookup')) return [200, { data: [], nextCursor: null }];
    return undefined;
  });
}

const renderTasks = (path = '/tasks') =>
  renderApp(
    <Routes>
      <Route path="/tasks/*" element={<TasksPage />} />
    </Routes>,
    { me: ME, path },
  );

describe('the task lists', () => {
  it('opens on « Mes tâches », flags the late ones in words, and links each to its record', async () => {
    const api = tasksApi([
      aTask(),
      aTask({
        id: id(2),
        title: 'Chiffrer la réfection',
        assigneeUserId: null,
        assigneeServiceId: SERVICE,
        overdue: false,
        link: null,
        dueDate: null,
      }),
    ]);
    vi.stubGlobal('fetch', api.fn);
    renderTasks();
    const late = (await screen.findByRole('link', { name: 'Recevoir la chefferie' })).closest('tr') as HTMLElement;
    expect(within(late).getByText('En retard')).toBeDefined();
    expect(within(late).getByText('Vous')).toBeDefined();
    expect(within(late).getByRole('link', { name: 'Dossier' }).getAttribute('href')).toBe(`/cases/${id(9)}`);
    const other = screen.getByRole('link', { name: 'Chiffrer la réfection' }).closest('tr') as HTMLElement;
    expect(within(other).queryByText('En retard')).toBeNull();
    expect(await within(other).findByText('Services techniques')).toBeDefined();
    expect(within(other).getByText('Sans échéance')).toBeDefined();
    expect(screen.getByRole('tab', { name: 'Mes tâches', selected: true })).toBeDefined();
    expect(api.calls.some((c) => c.url.startsWith('/api/v1/tasks?view=mine'))).toBe(true);

    fireEvent.click(screen.getByRole('tab', { name: 'Tâches de mon service' }));
    await vi.waitFor(() => expect(api.calls.some((c) => c.url.startsWith('/api/v1/tasks?view=my_service'))).toBe(true));
  });

  it('moves a task’s status for its assignee, and not for someone who may only read it', async () => {
    const api = tasksApi(
      [
        aTask(),
        aTask({ id: id(3), title: 'Lire seulement', policies: { read: true, update: false, progress: false } }),
      ],
      (method, _url, body) =>
        method === 'PATCH' ? [200, { ...aTask(), ...(body as object), overdue: false }] : undefined,
    );
    vi.stubGlobal('fetch', api.fn);
    renderTasks();
    const readOnly = await screen.findByRole('combobox', { name: 'Statut de « Lire seulement »' });
    expect((readOnly as HTMLInputElement).disabled).toBe(true);
    const status = screen.getByRole('combobox', { name: 'Statut de « Recevoir la chefferie »' });
    fireEvent.click(status);
    // The options of this task's select (the page's status filter offers the same words).
    const listbox = await vi.waitFor(() => {
      const found = document.getElementById(status.getAttribute('aria-controls') ?? '');
      if (!found) throw new Error('no listbox yet');
      return found;
    });
    fireEvent.click(within(listbox).getByRole('option', { name: 'Faite', hidden: true }));
    await vi.waitFor(() => expect(api.calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(api.calls.find((c) => c.method === 'PATCH')).toMatchObject({
      url: `/api/v1/tasks/${id(1)}`,
      body: { status: 'done' },
    });
  }, 15_000);
});

describe('a new task', () => {
  it('is created with a due date and linked to a case found by its words', async () => {
    const api = tasksApi([], (method, url, body) => {
      if (url.startsWith('/api/v1/search?q=foncier')) {
        return [
          200,
          {
            q: 'foncier',
            groups: [
              {
                kind: 'case',
                hits: [{ kind: 'case', recordId: id(9), title: 'Foncier de Plum', snippet: '', url: '', score: 1 }],
              },
            ],
          },
        ];
      }
      if (method === 'POST') return [201, { ...aTask(), ...(body as object), id: id(4) }];
      return undefined;
    });
    vi.stubGlobal('fetch', api.fn);
    renderTasks();
    fireEvent.click(await screen.findByRole('button', { name: 'Nouvelle tâche' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nouvelle tâche' });
    fireEvent.change(within(dialog).getByLabelText(/Intitulé/), { target: { value: 'Recevoir la chefferie' } });
    fireEvent.change(within(dialog).getByLabelText('Échéance'), { target: { value: '2026-12-20' } });
    const picker = within(dialog).getByRole('combobox', { name: 'Élément (facultatif)' });
    // Mantine takes a change of an unfocused input for autofill, not typing.
    picker.focus();
    fireEvent.change(picker, { target: { value: 'foncier' } });
    fireEvent.click(await screen.findByRole('option', { name: 'Foncier de Plum', hidden: true }, { timeout: 3000 }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Créer la tâche' }));
    await vi.waitFor(() => expect(api.calls.some((c) => c.method === 'POST')).toBe(true));
    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({
      title: 'Recevoir la chefferie',
      dueDate: '2026-12-20',
      link: { kind: 'case', id: id(9) },
    });
  }, 15_000);
});

describe('one task', () => {
  it('links back to its record and offers reassignment only to those allowed', async () => {
    vi.stubGlobal('fetch', tasksApi([aTask()]).fn);
    renderTasks(`/tasks/${id(1)}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Recevoir la chefferie' })).toBeDefined();
    expect(screen.getByRole('link', { name: 'Ouvrir l’élément lié (Dossier)' }).getAttribute('href')).toBe(
      `/cases/${id(9)}`,
    );
    expect(screen.queryByRole('button', { name: 'Réattribuer' })).toBeNull();
  });

  it('reassigns to a service, for the creator or the heads', async () => {
    const api = tasksApi([aTask({ policies: { read: true, update: true, progress: true } })], (method, _url, body) =>
      method === 'PATCH' ? [200, { ...aTask(), ...(body as object) }] : undefined,
    );
    vi.stubGlobal('fetch', api.fn);
    renderTasks(`/tasks/${id(1)}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Réattribuer' }));
    const form = screen.getByRole('form', { name: 'Réattribuer' });
    fireEvent.click(within(form).getByRole('radio', { name: 'Un service' }));
    fireEvent.click(within(form).getByRole('combobox', { name: 'Service chargé' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Services techniques', hidden: true }));
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    await vi.waitFor(() => expect(api.calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(api.calls.find((c) => c.method === 'PATCH')?.body).toEqual({
      assigneeServiceId: SERVICE,
      dueDate: '2026-11-30',
    });
  }, 15_000);

  it('says « Tâche introuvable » for a task the server hides', async () => {
    vi.stubGlobal('fetch', tasksApi([]).fn);
    renderTasks(`/tasks/${id(7)}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Tâche introuvable' })).toBeDefined();
  });
});

describe('the linked record’s address', () => {
  it('sends each kind to its module’s page', () => {
    expect(linkedRecordPath({ kind: 'correspondence', id: 'x' })).toBe('/correspondence/items/x');
    expect(linkedRecordPath({ kind: 'decision', id: 'y' })).toBe('/notes/decisions/y');
    expect(linkedRecordPath({ kind: 'note', id: 'z' })).toBe('/notes/z');
  });
});
