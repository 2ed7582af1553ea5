import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMe, fetchRouting, renderApp } from '../../test/render';
import '../correspondence/test-stubs';
import { NotesListPage } from './NotesListPage';
import { TemplatesPage } from './templates/TemplatesPage';
import { commonAnswer, note } from './test-fixtures';

afterEach(() => vi.unstubAllGlobals());

describe('the notes list', { timeout: 20_000 }, () => {
  it('asks the server for the view, status and kind chosen, and links each note', async () => {
    const api = fetchRouting((_m, url) =>
      url.startsWith('/api/v1/notes?') ? [200, { data: [note()], nextCursor: null }] : commonAnswer(url),
    );
    vi.stubGlobal('fetch', api.fn);
    renderApp(<NotesListPage />, { path: '/notes', me: fakeMe('advisor', ['notes']) });
    expect((await screen.findByRole('link', { name: 'Cantine de Boulari' })).getAttribute('href')).toBe(
      `/notes/${note().id}`,
    );
    expect(screen.getByRole('link', { name: 'Nouvelle note' })).toBeDefined();
    fireEvent.click(screen.getByRole('radio', { name: 'Mes notes' }));
    await vi.waitFor(() => expect(api.calls.some((c) => c.url.includes('view=mine'))).toBe(true));
    fireEvent.click(screen.getByRole('button', { name: 'À relire' }));
    await vi.waitFor(() =>
      expect(api.calls.some((c) => c.url.includes('view=mine') && c.url.includes('status=in_review'))).toBe(true),
    );
  });

  it('offers no « new note » to the services', async () => {
    vi.stubGlobal('fetch', fetchRouting(() => [200, { data: [], nextCursor: null }]).fn);
    renderApp(<NotesListPage />, { path: '/notes', me: fakeMe('services', ['notes']) });
    expect(await screen.findByText('Aucune note ne correspond à ces filtres.')).toBeDefined();
    expect(screen.queryByRole('link', { name: 'Nouvelle note' })).toBeNull();
  });
});

describe('the note templates', { timeout: 20_000 }, () => {
  it('lists the organisation’s templates and creates one, its name required', async () => {
    const template = {
      id: '0190a000-0000-7000-8000-000000000901',
      name: 'Note au maire',
      kind: 'note_to_executive',
      bodyHtml: '<h2>Objet</h2>',
      createdAt: '2026-12-01T22:00:00.000Z',
      updatedAt: '2026-12-01T22:00:00.000Z',
      policies: { update: true, delete: true },
    };
    const api = fetchRouting((method, url, body) => {
      if (method === 'GET' && url.startsWith('/api/v1/notes/templates'))
        return [200, { data: [template], nextCursor: null }];
      if (method === 'POST' && url === '/api/v1/notes/templates') return [201, { ...template, ...(body as object) }];
      return commonAnswer(url);
    });
    vi.stubGlobal('fetch', api.fn);
    renderApp(<TemplatesPage />, { path: '/notes/templates', me: fakeMe('chief_of_staff', ['notes']) });
    // Its name, and its kind (a note to the mayor) in the next column.
    expect(await screen.findAllByRole('cell', { name: 'Note au maire' })).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Modifier « Note au maire »' })).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: 'Nouveau modèle' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Enregistrer le modèle' }, { timeout: 10_000 }));
    expect(await screen.findByText('Donnez un nom au modèle.')).toBeDefined();
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.change(screen.getByRole('textbox', { name: /Nom du modèle/ }), { target: { value: 'Discours' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le modèle' }));
    await vi.waitFor(() =>
      expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({ name: 'Discours', kind: null, bodyHtml: '' }),
    );
  });
  it('asks in a dialog before deleting a template: cancelling deletes nothing, confirming deletes it', async () => {
    const template = {
      id: '0190a000-0000-7000-8000-000000000902',
      name: 'Discours du 24 septembre',
      kind: 'speech',
      bodyHtml: '<p>Mesdames et messieurs</p>',
      createdAt: '2026-12-01T22:00:00.000Z',
      updatedAt: '2026-12-01T22:00:00.000Z',
      policies: { update: true, delete: true },
    };
    const confirm = vi.fn(() => true);
    vi.stubGlobal('confirm', confirm);
    const api = fetchRouting((method, url) => {
      if (method === 'GET' && url.startsWith('/api/v1/notes/templates'))
        return [200, { data: [template], nextCursor: null }];
      if (method === 'DELETE' && url === `/api/v1/notes/templates/${template.id}`) return [204, undefined];
      return commonAnswer(url);
    });
    vi.stubGlobal('fetch', api.fn);
    renderApp(<TemplatesPage />, { path: '/notes/templates', me: fakeMe('chief_of_staff', ['notes']) });
    const deleteOne = { name: 'Supprimer « Discours du 24 septembre »' };
    fireEvent.click(await screen.findByRole('button', deleteOne));
    const dialog = await screen.findByRole('dialog', { name: 'Supprimer le modèle' });
    expect(dialog.textContent).toContain('Les notes déjà écrites ne changent pas.');
    fireEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.calls.some((c) => c.method === 'DELETE')).toBe(false);
    fireEvent.click(screen.getByRole('button', deleteOne));
    const again = await screen.findByRole('dialog', { name: 'Supprimer le modèle' });
    fireEvent.click(within(again).getByRole('button', { name: 'Supprimer le modèle' }));
    await vi.waitFor(() => expect(api.calls.filter((c) => c.method === 'DELETE')).toHaveLength(1));
    expect(await screen.findByText('Modèle supprimé.')).toBeDefined();
    // The browser's own confirm box is never used.
    expect(confirm).not.toHaveBeenCalled();
  });
});
