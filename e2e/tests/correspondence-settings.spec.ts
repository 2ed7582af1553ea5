import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, signIn, test } from '../support/fixtures';

// Issue 4: the director of cabinet, who may manage every correspondence setting, walks the
// settings' tabs, writes a reply template, creates and revokes a mail gateway token, reads the
// response-time figures and downloads the register. Two workers share one database: what this
// journey creates carries its own stamp.

const TABS = [
  'Types de courrier',
  'Numérotation',
  'Modèles de réponse',
  'Accusés de réception',
  'Jours fériés',
  'Envoi des courriels',
  'Passerelle de messagerie',
  'Formulaire en ligne',
];

async function openManagement(page: Page, link: string, heading: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Pilotage du courrier' }).getByRole('link', { name: link }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

test('le directeur de cabinet règle le courrier, lit les délais et télécharge le registre', async ({ page }) => {
  // Eight tabs and three pages, an axe pass on each.
  test.setTimeout(180_000);
  const stamp = Date.now();
  await signIn(page, 'dircab');
  // The first page of a fresh server (migrations, demo seed) can take a while.
  await expect(page.getByRole('heading', { level: 1, name: /^Bonjour/ })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Courrier' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Courrier' })).toBeVisible();

  await openManagement(page, 'Réglages', 'Réglages du courrier');
  const tabs = page.getByRole('tablist', { name: 'Rubriques des réglages' }).getByRole('tab');
  await expect(tabs).toHaveText(TABS);
  for (const name of TABS) {
    await page.getByRole('tab', { name }).click();
    await expect(
      page.getByRole('heading', { level: 2, name: name === 'Accusés de réception' ? 'En-tête des lettres' : name }),
    ).toBeVisible();
    // Each tab loads its own setting: wait for it before judging the page.
    await expect(page.getByText('Chargement…')).toHaveCount(0);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expectAccessible(page, `l’onglet « ${name} » des réglages`);
  }

  // A reply template, with a merge field picked from the list.
  await page.getByRole('tab', { name: 'Modèles de réponse' }).click();
  await page.getByRole('button', { name: 'Nouveau modèle' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouveau modèle' });
  const template = `Réponse travaux ${stamp}`;
  await dialog.getByRole('textbox', { name: 'Nom du modèle' }).fill(template);
  await dialog.getByRole('textbox', { name: 'Objet' }).fill('Votre courrier du {{item.receivedDate}}');
  const body = dialog.getByRole('textbox', { name: 'Texte du modèle' });
  await body.click();
  await body.pressSequentially('Madame, Monsieur ');
  await dialog.getByLabel('Insérer un champ de fusion').click();
  await page.getByRole('option', { name: /Nom de l’expéditeur/ }).click();
  await expect(body).toContainText('Madame, Monsieur {{sender.name}}');
  await expectAccessible(page, 'le modèle de réponse en cours d’écriture');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: new RegExp(template) })).toBeVisible();

  // A gateway token: its secret once, then revoked.
  await page.getByRole('tab', { name: 'Passerelle de messagerie' }).click();
  const label = `Relais e2e ${stamp}`;
  await page.getByRole('textbox', { name: 'Nom de la passerelle' }).fill(label);
  await page.getByRole('button', { name: 'Créer un jeton' }).click();
  const created = page.getByRole('status').filter({ hasText: `Jeton créé pour « ${label} »` });
  await expect(created).toBeVisible();
  const secret = ((await created.locator('pre').textContent()) ?? '').trim();
  expect(secret.length).toBeGreaterThan(20);
  await expect(created.getByRole('button', { name: 'Copier le jeton' })).toBeVisible();
  await expectAccessible(page, 'le jeton de passerelle créé');
  await created.getByRole('button', { name: 'J’ai copié le jeton' }).click();
  await expect(page.getByText(secret)).toHaveCount(0);
  const row = page.getByRole('row', { name: new RegExp(label) });
  await expect(row.getByText('Actif')).toBeVisible();
  await row.getByRole('button', { name: `Révoquer ${label}` }).click();
  await page.getByRole('dialog', { name: 'Révoquer le jeton' }).getByRole('button', { name: 'Révoquer' }).click();
  await expect(row.getByText(/Révoqué le/)).toBeVisible();
  // The revoked token no longer opens the inbound route.
  const refused = await page.request.post('/api/v1/correspondence/inbound', {
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'message/rfc822' },
    data: 'From: a@example.org\r\nSubject: essai\r\n\r\nBonjour',
  });
  expect(refused.status()).toBe(401);

  // The figures of this year.
  await page.getByRole('link', { name: 'Retour au courrier' }).click();
  await openManagement(page, 'Délais de réponse', 'Délais de réponse');
  await page.getByRole('combobox', { name: 'Période' }).click();
  await page.getByRole('option', { name: 'Cette année' }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: /^Ensemble des courriers reçus du 1 janvier/ }),
  ).toBeVisible();
  await expectAccessible(page, 'les délais de réponse');

  // The register of this year, as CSV.
  await page.getByRole('link', { name: 'Retour au courrier' }).click();
  await openManagement(page, 'Registre', 'Registre du courrier');
  const year = new Date().getFullYear();
  await page.getByLabel(/^Du/).fill(`${year}-01-01`);
  await page.getByLabel(/^Au/).fill(`${year}-12-31`);
  await expectAccessible(page, 'le registre du courrier');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Télécharger le CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`registre-courrier-${year}-01-01-${year}-12-31.csv`);
  const csv = await readFile((await download.path()) ?? '', 'utf8');
  expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
    'Numéro;Sens;Date;Canal;Expéditeur / destinataire;Objet;Type;Statut',
  );
});
