import { resolve } from 'node:path';
import { expect, expectAccessible, signIn, test } from '../support/fixtures';

// The register of elected officials imported through the wizard (issue 3). The file lives in
// the shared folder beside the repository (here /work/shared, in CI beside the fresh clone).
const ROOT = new URL('../..', import.meta.url).pathname;
const RNE_FILE = resolve(ROOT, '..', 'shared', 'data', 'rne', 'maires-meuse-nc.csv');

// The demo (server/src/demo/officials-demo.ts) already seeds Mont-Dore's council with an
// invented mayor, Hélène Boyer. The import makes Nina JULIÉ (commune 98817 in the register) an
// official with her « Maire » mandate and the 525 other mayors contacts; it ends no mandate, so
// the demo's mayor keeps hers and the council then lists two mayors. The journey asserts that.
// This is the only journey that imports: the other journeys' contacts are left as they are.

test('le secrétariat importe le RNE par l’assistant, trouve la maire et ouvre sa fiche', async ({ page }) => {
  // Six pages, a 526-row import on a CPU shared with the other worker.
  test.setTimeout(120_000);
  await signIn(page, 'secretariat');
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Annuaire' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Annuaire' })).toBeVisible();
  await page.getByRole('link', { name: 'Importer' }).click();

  // Step 1: the format and the file.
  await expect(page.getByRole('heading', { level: 1, name: 'Importer des contacts' })).toBeVisible();
  await page.getByRole('radio', { name: 'Répertoire national des élus (RNE)' }).check();
  await expectAccessible(page, 'l’assistant d’import (fichier)');
  await page.getByRole('button', { name: 'Suivant : aperçu' }).click();
  await expect(page.getByRole('alert')).toContainText('Choisissez le fichier à importer.');
  await page.getByLabel('Fichier à importer').setInputFiles(RNE_FILE);
  await page.getByRole('button', { name: 'Suivant : aperçu' }).click();

  // Step 2: the preview, read by the server without writing.
  const previewHeading = page.getByRole('heading', { level: 2, name: 'Aperçu' });
  await expect(previewHeading).toBeVisible({ timeout: 20_000 });
  await expect(previewHeading).toBeFocused();
  await expect(page.getByText('526 ligne(s)', { exact: false })).toBeVisible();
  const sample = page.getByRole('region', { name: 'Premières lignes du fichier' });
  await expect(sample.getByRole('columnheader', { name: 'Libellé de la commune' })).toBeVisible();
  await expect(sample.getByRole('cell', { name: 'Abainville' })).toBeVisible();
  await expectAccessible(page, 'l’aperçu de l’import');
  await page.getByRole('button', { name: 'Vérifier (essai à blanc)' }).click();

  // Step 3: the dry run counts, nothing written yet.
  await expect(page.getByRole('heading', { level: 2, name: 'Essai à blanc' })).toBeVisible({ timeout: 60_000 });
  const dryRun = page.getByRole('table', { name: 'Résultat de l’essai à blanc' });
  await expect(dryRun.getByRole('row', { name: 'Lignes lues 526' })).toBeVisible();
  await expect(dryRun.getByRole('row', { name: 'Erreurs 0' })).toBeVisible();
  await expect(page.getByText('Aucune erreur.')).toBeVisible();
  await expectAccessible(page, 'l’essai à blanc');
  await page.getByRole('button', { name: 'Importer', exact: true }).click();

  // Step 4: the import itself.
  await expect(page.getByRole('heading', { level: 2, name: 'Import terminé' })).toBeVisible({ timeout: 60_000 });
  const done = page.getByRole('table', { name: 'Résultat de l’import' });
  await expect(done.getByRole('row', { name: 'Lignes lues 526' })).toBeVisible();
  await expect(done.getByRole('row', { name: 'Erreurs 0' })).toBeVisible();
  await expectAccessible(page, 'le résultat de l’import');
  await page.getByRole('link', { name: 'Voir l’annuaire' }).click();

  // « julie » finds JULIÉ: accents and case forgiven. With the mandate filter, mayors only.
  await expect(page.getByRole('heading', { level: 1, name: 'Annuaire' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Nom' }).fill('julie');
  await page.getByRole('combobox', { name: 'Mandat en cours' }).click();
  await page.getByRole('option', { name: 'Maire', exact: true }).click();
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page.getByRole('link', { name: 'Nina JULIÉ' })).toBeVisible();
  await expectAccessible(page, 'la liste filtrée des maires');
  await page.getByRole('link', { name: 'Nina JULIÉ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nina JULIÉ' })).toBeVisible();
  await expect(page.getByText('Fonction : Maire — Mont-Dore')).toBeVisible();
  // Her mandate on her contact page, with the way to her official's page.
  const contactMandates = page.getByRole('region', { name: 'Mandats', exact: true });
  const mayorMandate = contactMandates.getByRole('row', { name: /^Maire/ });
  await expect(mayorMandate).toHaveCount(1);
  await expect(mayorMandate).toContainText('Mont-Dore (98817)');
  await expect(mayorMandate).toContainText('22/03/2026');
  await expect(mayorMandate).toContainText('Répertoire national des élus');
  await expect(mayorMandate.getByRole('link', { name: 'Fiche de l’élu' })).toBeVisible();
  await expectAccessible(page, 'la fiche contact de la maire');

  // The council: she is now an official of Mont-Dore, beside the demo's invented mayor.
  await page.getByRole('link', { name: 'Retour à l’annuaire' }).click();
  await page.getByRole('navigation', { name: 'Sections de l’annuaire' }).getByRole('link', { name: 'Élus' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Élus' })).toBeVisible();
  const council = page.getByRole('region', { name: 'Liste des élus' });
  await expect(council.getByRole('row', { name: /^Nina JULIÉ Maire/ })).toBeVisible();
  await expect(council.getByRole('row', { name: /^Hélène Boyer Maire/ })).toBeVisible();
  await expectAccessible(page, 'la liste des élus');
  await council.getByRole('link', { name: 'Nina JULIÉ' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Nina JULIÉ' })).toBeVisible();
  const mandates = page.getByRole('region', { name: 'Mandats de l’élu' });
  const mayor = mandates.getByRole('row', { name: /^Maire/ });
  await expect(mayor).toHaveCount(1);
  await expect(mayor).toContainText('Mont-Dore (98817)');
  await expect(mayor).toContainText('22/03/2026');
  await expect(mayor).toContainText('Répertoire national des élus');
  await expectAccessible(page, 'la fiche d’élue de la maire');
});

test('la cheffe de cabinet consulte le conseil dans l’ordre du tableau et tient les groupes politiques', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const groupName = `Groupe e2e ${Date.now()}`;
  await signIn(page, 'chefcab');
  await expect(page.getByRole('heading', { level: 1, name: /Bonjour/ })).toBeVisible();
  await page.goto('/directory/officials');
  await expect(page.getByRole('heading', { level: 1, name: 'Élus' })).toBeVisible();
  // The demo council (officials-demo.ts): the mayor, then the deputies by rank. The RNE journey
  // may have run first on the same database, adding Nina JULIÉ as a second mayor: compare the
  // order, not the positions.
  const table = page.getByRole('region', { name: 'Liste des élus' });
  await expect(table.getByRole('row', { name: /^Paul Néhoué/ })).toBeVisible();
  const rows = await table.getByRole('row').allInnerTexts();
  const at = (name: string) => rows.findIndex((r) => r.startsWith(name));
  expect(rows[at('Hélène Boyer')]).toContain('Maire');
  expect(rows[at('Paul Néhoué')]).toContain('Premier adjoint');
  expect(rows[at('Josiane Kawa')]).toContain('2e adjointe');
  expect(rows[at('Didier Lemaître')]).toContain('3e adjoint');
  expect(at('Hélène Boyer')).toBeGreaterThan(0);
  expect(at('Hélène Boyer')).toBeLessThan(at('Paul Néhoué'));
  expect(at('Paul Néhoué') + 1).toBe(at('Josiane Kawa'));
  expect(at('Josiane Kawa') + 1).toBe(at('Didier Lemaître'));
  expect(at('Didier Lemaître')).toBeLessThan(at('Rémi Ouétcho'));
  expect(at('Rémi Ouétcho')).toBeLessThan(at('Gérard Bouquet'));
  await expectAccessible(page, 'le conseil');

  await page.getByRole('button', { name: 'Nouvel élu' }).click();
  const form = page.getByRole('dialog', { name: 'Nouvel élu' });
  await form.getByRole('button', { name: 'Ajouter un mandat' }).click();
  await expect(form.getByRole('textbox', { name: 'Début du mandat 1' })).toBeVisible();
  // The official's user account, looked up among the organisation's members by name.
  const account = form.getByRole('combobox', { name: 'Compte utilisateur' });
  await account.fill('Néhoué');
  await page.getByRole('option', { name: 'Paul Néhoué · Élu(e)' }).click();
  await expect(account).toHaveValue('Paul Néhoué · Élu(e) · Premier adjoint');
  await expectAccessible(page, 'le formulaire d’un élu');
  await form.getByRole('button', { name: 'Annuler' }).click();

  await page
    .getByRole('navigation', { name: 'Sections de l’annuaire' })
    .getByRole('link', { name: 'Groupes politiques' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Groupes politiques' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Mont-Dore Autrement' })).toBeVisible();
  await page.getByRole('button', { name: 'Nouveau groupe' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouveau groupe' });
  await dialog.getByRole('textbox', { name: 'Nom du groupe' }).fill(groupName);
  // The group's staff: group_staff members only, chosen by name.
  await dialog.getByRole('combobox', { name: 'Collaborateurs du groupe' }).fill('dalmas');
  const staffPicker = dialog.getByRole('combobox', { name: 'Collaborateurs du groupe' });
  await page.getByRole('option', { name: 'Yannick Dalmas · Collaborateur(trice) de groupe' }).click();
  // Escape closes the list of members, not the dialog.
  await staffPicker.press('Escape');
  await expect(page.getByRole('listbox')).toBeHidden();
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'le formulaire d’un groupe');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  const row = page.getByRole('row', { name: new RegExp(`^${groupName}`) });
  await expect(row).toContainText('Majorité');
  // Side, officials, staff: one staff member.
  await expect(row.getByRole('cell').nth(2)).toHaveText('1');
  await expectAccessible(page, 'les groupes politiques');
  await row.getByRole('button', { name: `Supprimer ${groupName}` }).click();
  await page
    .getByRole('dialog', { name: 'Confirmer la suppression' })
    .getByRole('button', { name: 'Supprimer' })
    .click();
  await expect(page.getByRole('rowheader', { name: groupName })).toHaveCount(0);
});
