import { fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeMe, renderApp } from '../../../test/render';
import { RegisterPage } from './RegisterPage';
import '../test-stubs';

afterEach(() => vi.unstubAllGlobals());

const saved: string[] = [];
beforeEach(() => {
  saved.length = 0;
  // jsdom has no object URLs; the anchor's download name says which file the browser got.
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:register', revokeObjectURL: () => {} }));
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push(this.download);
  });
});

function serve(answer: (url: string) => Response) {
  const urls: string[] = [];
  vi.stubGlobal('fetch', async (input: string | URL | Request) => {
    urls.push(String(input));
    return answer(String(input));
  });
  return urls;
}

describe('register download', { timeout: 20_000 }, () => {
  it('downloads the CSV of the period and direction chosen, under the server’s file name', async () => {
    const urls = serve(
      () =>
        new Response('\uFEFFNuméro;Sens;Date\r\n', {
          status: 200,
          headers: {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': 'attachment; filename="registre-courrier-2026-03-01-2026-03-31.csv"',
          },
        }),
    );
    renderApp(<RegisterPage />, { path: '/correspondence/register', me: fakeMe('secretariat', ['correspondence']) });
    fireEvent.change(await screen.findByLabelText(/^Du/), { target: { value: '2026-03-01' } });
    fireEvent.change(screen.getByLabelText(/^Au/), { target: { value: '2026-03-31' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Arrivée' }));
    fireEvent.click(screen.getByRole('button', { name: 'Télécharger le CSV' }));
    await vi.waitFor(() => expect(saved).toEqual(['registre-courrier-2026-03-01-2026-03-31.csv']));
    expect(urls).toEqual(['/api/v1/correspondence/register?from=2026-03-01&to=2026-03-31&direction=in&format=csv']);

    fireEvent.click(screen.getByRole('button', { name: 'Télécharger le PDF' }));
    await vi.waitFor(() => expect(urls.at(-1)).toMatch(/format=pdf$/));
  });

  it('shows the server’s refusal of the period at the field, and downloads nothing', async () => {
    serve(
      () =>
        new Response(
          JSON.stringify({
            title: 'Bad Request',
            status: 400,
            detail: 'Les paramètres de la requête contiennent des valeurs invalides.',
            errors: [{ path: 'to', message: 'La date de fin doit suivre la date de début.' }],
          }),
          { status: 400, headers: { 'content-type': 'application/problem+json' } },
        ),
    );
    renderApp(<RegisterPage />, { path: '/correspondence/register', me: fakeMe('chief_of_staff', ['correspondence']) });
    fireEvent.change(await screen.findByLabelText(/^Au/), { target: { value: '2020-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Télécharger le CSV' }));
    expect(await screen.findByText('La date de fin doit suivre la date de début.')).toBeDefined();
    expect(screen.getByLabelText(/^Au/).getAttribute('aria-invalid')).toBe('true');
    expect(saved).toEqual([]);
  });

  it('offers last month by default, and the presets of the figures', async () => {
    const urls = serve(
      () => new Response('\uFEFFNuméro\r\n', { status: 200, headers: { 'content-type': 'text/csv' } }),
    );
    renderApp(<RegisterPage />, { path: '/correspondence/register', me: fakeMe('chief_of_staff', ['correspondence']) });
    const from = (await screen.findByLabelText(/^Du/)) as HTMLInputElement;
    expect(from.value).toMatch(/^\d{4}-\d{2}-01$/);
    fireEvent.click(screen.getByLabelText('Période', { selector: 'input' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Cette année', hidden: true }));
    expect(from.value).toMatch(/^\d{4}-01-01$/);
    fireEvent.click(screen.getByRole('button', { name: 'Télécharger le CSV' }));
    await vi.waitFor(() => expect(urls[0]).toMatch(/from=\d{4}-01-01&to=\d{4}-\d{2}-\d{2}&direction=all&format=csv$/));
    // No name from the server: the file is named after the period.
    await vi.waitFor(() => expect(saved[0]).toMatch(/^registre-courrier-\d{4}-01-01-\d{4}-\d{2}-\d{2}\.csv$/));
  });

  it('tells a role outside the cabinet that the register is not theirs', async () => {
    renderApp(<RegisterPage />, { path: '/correspondence/register', me: fakeMe('official', ['correspondence']) });
    expect(await screen.findByText('Le registre du courrier est réservé au cabinet.')).toBeDefined();
    expect(screen.queryByRole('button', { name: 'Télécharger le CSV' })).toBeNull();
  });
});
