import type { Page } from '@playwright/test';
import { expect, expectAccessible, signIn, test } from '../support/fixtures';

// Issue 6's leftovers: a note written from a case (« Rédiger une note »), its people and
// confidentiality changed from its page with pickers that search the server as one types
// (accents ignored), the note in the case's timeline; a template deleted after a dialog.

/** Picks an option of a searching Mantine select by typing part of a name. */
async function choose(page: Page, label: string | RegExp, typed: string, option: RegExp): Promise<void> {
  const box = page.getByRole('textbox', { name: label }).or(page.getByRole('combobox', { name: label }));
  await box.first().click();
  await box.first().fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

async function signedIn(page: Page, login: string): Promise<void> {
  await signIn(page, login);
  // The first page of a fresh server (migrations, demo seed) can take a while.
  await expect(page.getByRole('heading', { level: 1, name: /^Bonjour/ })).toBeVisible({ timeout: 30_000 });
}

test('une note rédigée depuis un dossier, ses personnes et sa confidentialité changées, dans la chronologie du dossier', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await signedIn(page, 'dircab');
  const caseTitle = `Desserte en bus de Plum ${Date.now()}`;
  const created = await page.request.post('/api/v1/cases', {
    headers: { origin: baseURL ?? '' },
    data: { kind: 'project', title: caseTitle, confidentiality: 'normal' },
  });
  expect(created.status()).toBe(201);
  const caseId = ((await created.json()) as { id: string }).id;

  await page.goto(`/cases/${caseId}`);
  await expect(page.getByRole('heading', { level: 1, name: caseTitle })).toBeVisible();
  await page.getByRole('link', { name: 'Rédiger une note' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nouvelle note' })).toBeVisible();
  await expect(page.getByRole('link', { name: caseTitle })).toBeVisible();
  const title = `Position sur la desserte de Plum ${Date.now()}`;
  await page.getByRole('textbox', { name: 'Objet' }).fill(title);
  // The server finds the mayor without the accent typed.
  await choose(page, 'Destinataire', 'helene', /Hélène Boyer/);
  await expectAccessible(page, 'la nouvelle note rattachée à un dossier');
  await page.getByRole('button', { name: 'Créer la note' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  // Confidential, with the deputy mayor named (typed without accents).
  await page.getByRole('button', { name: 'Personnes et confidentialité' }).click();
  const dialog = page.getByRole('dialog', { name: 'Destinataire, confidentialité et personnes autorisées' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: 'Confidentiel' }).check();
  await choose(page, /Personnes autorisées/, 'nehoue', /Paul Néhoué/);
  // A multi-select keeps its list open for the next pick: leaving the field closes it.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('listbox')).toBeHidden();
  await expectAccessible(page, 'le dialogue des personnes et de la confidentialité');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Personnes et confidentialité de la note enregistrées.')).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Personnes autorisées : Paul Néhoué')).toBeVisible();
  await expect(page.getByText('Confidentiel', { exact: true })).toBeVisible();
  await expectAccessible(page, 'la note confidentielle');

  // The case's timeline shows the note, linked.
  await page.goto(`/cases/${caseId}`);
  await expect(page.getByRole('heading', { level: 1, name: caseTitle })).toBeVisible();
  await expect(page.getByRole('link', { name: new RegExp(title) }).first()).toBeVisible();
});

test('un modèle de note supprimé après confirmation dans un dialogue accessible', async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  await signedIn(page, 'dircab');
  const name = `Éléments de langage ${Date.now()}`;
  const created = await page.request.post('/api/v1/notes/templates', {
    headers: { origin: baseURL ?? '' },
    data: { name, kind: 'talking_points', bodyHtml: '<h2>Messages clés</h2>' },
  });
  expect(created.status()).toBe(201);
  await page.goto('/notes/templates');
  await expect(page.getByRole('heading', { level: 1, name: 'Modèles de notes' })).toBeVisible();
  await page.getByRole('button', { name: `Supprimer « ${name} »` }).click();
  const dialog = page.getByRole('dialog', { name: 'Supprimer le modèle' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'le dialogue de suppression d’un modèle');
  // Cancelling keeps it.
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('cell', { name, exact: true })).toBeVisible();
  await page.getByRole('button', { name: `Supprimer « ${name} »` }).click();
  await dialog.getByRole('button', { name: 'Supprimer le modèle' }).click();
  await expect(page.getByText('Modèle supprimé.')).toBeVisible();
  await expect(page.getByRole('cell', { name, exact: true })).toHaveCount(0);
});
