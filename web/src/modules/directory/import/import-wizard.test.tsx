import type { TImportPreview, TImportResult } from '@dircab/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMe, renderApp } from '../../../test/render';
import { ImportWizardPage } from './ImportWizardPage';
import { importForm } from './import-api';

afterEach(() => vi.unstubAllGlobals());

interface Call {
  method: string;
  url: string;
  form: Record<string, string>;
  fileName: string | null;
}

/** A fetch for multipart calls: records each form's text fields and file name. */
function multipartFetch(answer: (url: string, form: Record<string, string>) => readonly [number, unknown]) {
  const calls: Call[] = [];
  const fn = async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    const form: Record<string, string> = {};
    let fileName: string | null = null;
    if (init?.body instanceof FormData) {
      for (const [k, v] of init.body.entries()) {
        if (typeof v === 'string') form[k] = v;
        else fileName = v.name;
      }
    }
    calls.push({ method: init?.method ?? 'GET', url, form, fileName });
    const [status, body] = answer(url, form);
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
    });
  };
  return { fn, calls };
}

const RNE_PREVIEW: TImportPreview = {
  format: 'rne',
  rows: 526,
  delimiter: ';',
  columns: ['Libellé de la commune', "Nom de l'élu", "Prénom de l'élu"],
  sample: [
    ['Abainville', 'BONTANT', 'Vincent'],
    ['Mont-Dore', 'JULIÉ', 'Nina'],
  ],
  suggestedMapping: {},
  ownOfficials: 1,
};

const result = (over: Partial<TImportResult>): TImportResult => ({
  format: 'rne',
  dryRun: true,
  rows: 526,
  created: 526,
  updated: 0,
  unchanged: 0,
  skipped: 0,
  errors: [],
  ...over,
});

const file = (name: string, text: string) => new File([text], name, { type: 'text/csv' });

function pick(input: HTMLElement, f: File) {
  fireEvent.change(input, { target: { files: [f] } });
}

const rowOf = (table: HTMLElement, label: string) =>
  within(table)
    .getAllByRole('row')
    .find((r) => r.textContent?.startsWith(label))?.textContent;

describe('the import form', () => {
  it('sends the format, the dry run and the file; mapping and separator for CSV only', () => {
    const f = file('a.csv', 'Nom\nDupont\n');
    const csv = importForm({ file: f, format: 'csv', delimiter: ';', mapping: { Nom: 'lastName' } }, { dryRun: true });
    expect(Object.fromEntries([...csv.entries()].filter(([, v]) => typeof v === 'string'))).toEqual({
      format: 'csv',
      delimiter: ';',
      dryRun: 'true',
      mapping: '{"Nom":"lastName"}',
    });
    expect((csv.get('file') as File).name).toBe('a.csv');
    const rne = importForm({ file: f, format: 'rne', delimiter: ';', mapping: { Nom: 'lastName' } }, { dryRun: false });
    expect([...rne.keys()]).toEqual(['format', 'dryRun', 'file']);
    expect(rne.get('dryRun')).toBe('false');
    // A preview takes neither the dry run nor the mapping.
    expect([...importForm({ file: f, format: 'csv' }, { preview: true }).keys()]).toEqual(['format', 'file']);
  });
});

describe('the import wizard', () => {
  it('walks an RNE file through preview, dry run and import, with counts and row errors', async () => {
    const api = multipartFetch((url, form) => {
      if (url === '/api/v1/imports/preview') return [200, RNE_PREVIEW];
      if (form.dryRun === 'true') {
        return [
          200,
          result({
            created: 525,
            skipped: 1,
            errors: [{ row: 12, message: 'La date de naissance est invalide.' }],
            durationMs: 1234,
          }),
        ];
      }
      return [200, result({ dryRun: false, created: 525, skipped: 1, errors: [] })];
    });
    vi.stubGlobal('fetch', api.fn);
    renderApp(<ImportWizardPage />, { path: '/directory/import', me: fakeMe('secretariat', ['directory']) });

    // Step 1: no file yet → an announced error, nothing sent.
    fireEvent.click(screen.getByRole('button', { name: 'Suivant : aperçu' }));
    expect(screen.getByRole('alert').textContent).toContain('Choisissez le fichier à importer.');
    expect(api.calls).toHaveLength(0);
    expect(
      (screen.getByRole('radio', { name: 'Répertoire national des élus (RNE)' }) as HTMLInputElement).checked,
    ).toBe(true);
    pick(screen.getByLabelText(/Fichier à importer/), file('maires.csv', 'x'));
    fireEvent.click(screen.getByRole('button', { name: 'Suivant : aperçu' }));

    // Step 2: the preview, its heading focused for screen readers.
    const preview = await screen.findByRole('heading', { level: 2, name: 'Aperçu' });
    await vi.waitFor(() => expect(document.activeElement).toBe(preview));
    expect(api.calls[0]).toMatchObject({ method: 'POST', form: { format: 'rne' }, fileName: 'maires.csv' });
    expect(screen.getByText(/526 ligne\(s\) et 3 colonne\(s\) lues\. Dont 1 élu\(s\)/)).toBeDefined();
    expect(screen.getByRole('cell', { name: 'JULIÉ' })).toBeDefined();
    // RNE columns are fixed: no mapping to choose.
    expect(screen.queryByRole('group', { name: 'Correspondance des colonnes' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Vérifier (essai à blanc)' }));

    // Step 3: the dry run's counts and its row errors.
    expect(await screen.findByRole('heading', { level: 2, name: 'Essai à blanc' })).toBeDefined();
    expect(api.calls[1]).toMatchObject({ url: '/api/v1/imports', form: { format: 'rne', dryRun: 'true' } });
    const counts = screen.getByRole('table', { name: 'Résultat de l’essai à blanc' });
    expect(rowOf(counts, 'Lignes lues')).toBe('Lignes lues526');
    expect(rowOf(counts, 'Créés')).toBe('Créés525');
    expect(rowOf(counts, 'Erreurs')).toBe('Erreurs1');
    expect(rowOf(counts, 'Durée')).toBe('Durée1,2 s');
    const errors = screen.getByRole('table', { name: '1 erreur(s) sur 1 ligne(s)' });
    expect(within(errors).getByRole('cell', { name: '12' })).toBeDefined();
    expect(within(errors).getByRole('cell', { name: 'La date de naissance est invalide.' })).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: 'Importer' }));

    // Step 4: written; links to the list and the officials.
    expect(await screen.findByRole('heading', { level: 2, name: 'Import terminé' })).toBeDefined();
    expect(api.calls[2]?.form.dryRun).toBe('false');
    expect(rowOf(screen.getByRole('table', { name: 'Résultat de l’import' }), 'Ignorés')).toBe('Ignorés1');
    expect(screen.getByRole('link', { name: 'Voir l’annuaire' }).getAttribute('href')).toBe('/directory');
    expect(screen.getByRole('link', { name: 'Voir les élus' }).getAttribute('href')).toBe('/directory/officials');
  });

  it('maps each CSV column to a contact field in French, and sends the mapping chosen', async () => {
    const api = multipartFetch((url, form) => {
      if (url === '/api/v1/imports/preview') {
        return [
          200,
          {
            format: 'csv',
            rows: 2,
            delimiter: ';',
            columns: ['Nom', 'Courriel', 'Divers'],
            sample: [['Dupont', 'a@b.nc', 'x']],
            suggestedMapping: { Nom: 'lastName', Courriel: 'email', Divers: null },
          } satisfies TImportPreview,
        ];
      }
      if (form.mapping?.includes('"Divers":"notes"')) {
        return [200, result({ format: 'csv', rows: 2, created: 1, skipped: 1, errors: [] })];
      }
      return [
        400,
        {
          type: 'x',
          title: 'Requête invalide',
          status: 400,
          detail: 'La demande d’import est invalide.',
          errors: [{ path: 'mapping', message: 'Colonne absente du fichier : « Divers ».' }],
        },
      ];
    });
    vi.stubGlobal('fetch', api.fn);
    renderApp(<ImportWizardPage />, { path: '/directory/import', me: fakeMe('chief_of_staff', ['directory']) });
    fireEvent.click(screen.getByRole('radio', { name: 'Tableur (CSV)' }));
    pick(screen.getByLabelText(/Fichier à importer/), file('contacts.csv', 'x'));
    fireEvent.click(screen.getByRole('button', { name: 'Suivant : aperçu' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Aperçu' })).toBeDefined();

    const nom = screen.getByLabelText('Colonne « Nom »', { selector: 'input' }) as HTMLInputElement;
    expect(nom.value).toBe('Nom de famille');
    expect((screen.getByLabelText('Colonne « Courriel »', { selector: 'input' }) as HTMLInputElement).value).toBe(
      'Courriel',
    );
    const divers = screen.getByLabelText('Colonne « Divers »', { selector: 'input' }) as HTMLInputElement;
    expect(divers.value).toBe('Ignorer cette colonne');

    // The server refuses the suggested mapping: its French message is announced.
    fireEvent.click(screen.getByRole('button', { name: 'Vérifier (essai à blanc)' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Correspondance des colonnes : Colonne absente du fichier : « Divers ».');
    expect(JSON.parse(api.calls[1]?.form.mapping ?? '{}')).toEqual({
      Nom: 'lastName',
      Courriel: 'email',
      Divers: null,
    });

    fireEvent.click(divers);
    await vi.waitFor(() => expect(divers.getAttribute('aria-controls')).toBeTruthy());
    const listbox = document.getElementById(divers.getAttribute('aria-controls') ?? '') as HTMLElement;
    fireEvent.click(within(listbox).getByRole('option', { name: 'Notes', hidden: true }));
    fireEvent.click(screen.getByRole('button', { name: 'Vérifier (essai à blanc)' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Essai à blanc' })).toBeDefined();
    expect(JSON.parse(api.calls[2]?.form.mapping ?? '{}')).toEqual({
      Nom: 'lastName',
      Courriel: 'email',
      Divers: 'notes',
    });
    expect(screen.getByText('Aucune erreur.')).toBeDefined();
  });

  it('stays on the file step with the reason when the preview fails: no way around the preview', async () => {
    const api = multipartFetch(() => [
      400,
      { title: 'Requête invalide', status: 400, errors: [{ path: 'file', message: 'Le fichier est vide.' }] },
    ]);
    vi.stubGlobal('fetch', api.fn);
    renderApp(<ImportWizardPage />, { path: '/directory/import', me: fakeMe('secretariat', ['directory']) });
    pick(screen.getByLabelText(/Fichier à importer/), file('maires.csv', 'x'));
    fireEvent.click(screen.getByRole('button', { name: 'Suivant : aperçu' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('L’aperçu n’a pas abouti');
    expect(alert.textContent).toContain('Le fichier est vide.');
    // Only the preview was called; the dry run is reached through the preview step alone.
    expect(api.calls.map((c) => c.url)).toEqual(['/api/v1/imports/preview']);
    expect(within(alert).queryByRole('button')).toBeNull();
    expect(screen.getByRole('button', { name: 'Suivant : aperçu' })).toBeDefined();
  });

  it('tells a role that may not import, without a form', () => {
    renderApp(<ImportWizardPage />, { path: '/directory/import', me: fakeMe('advisor', ['directory']) });
    expect(screen.getByRole('alert').textContent).toBe('Votre rôle ne permet pas d’importer des contacts.');
    expect(screen.queryByLabelText(/Fichier à importer/)).toBeNull();
  });
});
