import { fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMe, fetchRouting, renderApp } from '../../test/render';
import '../correspondence/test-stubs';
import { CircuitButtons } from './CircuitButtons';
import { NotePage } from './NotePage';
import { commonAnswer, NOTE_ID, note } from './test-fixtures';
import { VersionDiff } from './versions/VersionDiff';

afterEach(() => vi.unstubAllGlobals());

const me = fakeMe('chief_of_staff', ['notes']);

function renderNotePage(policies: Record<string, boolean>) {
  const api = fetchRouting((_method, url) => {
    if (url === `/api/v1/notes/${NOTE_ID}`) return [200, note({ policies })];
    if (url.startsWith(`/api/v1/notes/${NOTE_ID}/contributions`)) return [200, { data: [] }];
    if (url.startsWith(`/api/v1/notes/${NOTE_ID}/versions`)) return [200, { data: [], nextCursor: null }];
    return commonAnswer(url);
  });
  vi.stubGlobal('fetch', api.fn);
  renderApp(
    <Routes>
      <Route path="/notes/:id" element={<NotePage />} />
    </Routes>,
    { path: `/notes/${NOTE_ID}`, me },
  );
  return api;
}

describe('the note page', { timeout: 20_000 }, () => {
  it('loads the editor only when the note may be edited, and lazily', async () => {
    renderNotePage({ update: true });
    // The editor's chunk is fetched on demand: the page shows a loading line first.
    expect(await screen.findByText('Chargement…')).toBeDefined();
    // The chunk takes a while on a loaded machine.
    expect(await screen.findByRole('textbox', { name: 'Texte de la note' }, { timeout: 10_000 })).toBeDefined();
    expect(screen.getByRole('button', { name: 'Enregistrer le texte' })).toBeDefined();
  });

  it('shows the text read-only, without the editor, when the policies refuse the update', async () => {
    renderNotePage({ update: false, export: true });
    expect(await screen.findByText('Les travaux ne seront pas finis.')).toBeDefined();
    expect(screen.queryByRole('textbox', { name: 'Texte de la note' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Enregistrer le texte' })).toBeNull();
    expect(screen.getByRole('link', { name: 'LibreOffice (ODT)' }).getAttribute('href')).toBe(
      `/api/v1/notes/${NOTE_ID}/export?format=odt`,
    );
  });
});

describe('the circuit buttons', { timeout: 20_000 }, () => {
  const buttons = () => screen.queryAllByRole('button').map((b) => b.textContent);

  it('offer only the transitions the policies allow', () => {
    vi.stubGlobal('fetch', fetchRouting(() => undefined).fn);
    const { unmount } = renderApp(<CircuitButtons note={note({ policies: { submit: true, validate: false } })} />, {
      me,
    });
    expect(buttons()).toEqual(['Soumettre à la relecture']);
    unmount();
    renderApp(
      <CircuitButtons
        note={note({ status: 'in_review', policies: { return: true, validate: true, submit: false } })}
      />,
      { me },
    );
    expect(buttons()).toEqual(['Renvoyer à l’auteur', 'Valider']);
  });

  it('offer none when the policies allow none', () => {
    vi.stubGlobal('fetch', fetchRouting(() => undefined).fn);
    renderApp(<CircuitButtons note={note({ status: 'transmitted', policies: { read: true } })} />, { me });
    expect(buttons()).toEqual([]);
  });

  it('ask why before returning a note, then send the comment', async () => {
    const api = fetchRouting((method, url) =>
      method === 'POST' && url === `/api/v1/notes/${NOTE_ID}/transitions`
        ? [200, note({ status: 'draft', returnComment: 'Chiffrer.' })]
        : undefined,
    );
    vi.stubGlobal('fetch', api.fn);
    renderApp(<CircuitButtons note={note({ status: 'in_review', policies: { return: true } })} />, { me });
    fireEvent.click(screen.getByRole('button', { name: 'Renvoyer à l’auteur' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Renvoyer à l’auteur' }));
    expect(await within(dialog).findByText('Dites pourquoi la note est renvoyée.')).toBeDefined();
    expect(api.calls).toHaveLength(0);
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Pourquoi la note est renvoyée/ }), {
      target: { value: 'Chiffrer.' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Renvoyer à l’auteur' }));
    await vi.waitFor(() => expect(api.calls[0]?.body).toEqual({ action: 'return', comment: 'Chiffrer.' }));
  });
});

describe('the diff of two versions', () => {
  it('marks an insertion and a deletion', () => {
    renderApp(
      <VersionDiff
        diff={{
          from: 1,
          to: 2,
          parts: [
            { value: 'Les travaux ', added: false, removed: false },
            { value: 'seront finis', added: false, removed: true },
            { value: 'ne seront pas finis', added: true, removed: false },
            { value: ' en février.', added: false, removed: false },
          ],
        }}
      />,
    );
    const diff = screen.getByTestId('note-diff');
    expect(diff.querySelector('ins')?.textContent).toBe('ne seront pas finis');
    expect(diff.querySelector('del')?.textContent).toBe('seront finis');
    expect(diff.textContent).toBe('Les travaux seront finisne seront pas finis en février.');
    expect(screen.getByText(/de la version 1 à la version 2/)).toBeDefined();
  });
});
