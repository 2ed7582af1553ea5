import { expect, expectAccessible, signIn, test } from '../support/fixtures';

// Issue 4: the director of cabinet deletes an acknowledgement template he no longer uses (the
// default one offers no delete), then tags a letter on its own page. Two workers share one
// database: what this journey creates carries its own stamp.

test('le directeur de cabinet supprime un modèle d’accusé et étiquette un courrier sur sa page', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const headers = { origin: baseURL ?? '' };
  await signIn(page, 'dircab');
  await expect(page.getByRole('heading', { level: 1, name: /^Bonjour/ })).toBeVisible({ timeout: 30_000 });

  // A template made for a petition that is over: created through the API, deleted in the settings.
  const name = `Accusé pétition ${stamp}`;
  const template = await page.context().request.post('/api/v1/correspondence/ack-templates', {
    headers,
    data: { name, subject: 'Votre demande {{item.number}}', bodyHtml: '<p>Reçue le {{item.receivedDate}}.</p>' },
  });
  expect(template.status()).toBe(201);
  await page.goto('/correspondence/settings?tab=acknowledgement');
  await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();
  await expect(
    page
      .getByRole('row')
      .filter({ hasText: 'Par défaut' })
      .getByRole('button', { name: /^Supprimer/ }),
  ).toHaveCount(0);
  await page.getByRole('button', { name: `Supprimer ${name}` }).click();
  const confirm = page.getByRole('dialog', { name: 'Supprimer le modèle' });
  await expect(confirm).toContainText('Les accusés de réception déjà donnés gardent leur lettre.');
  await expectAccessible(page, 'la confirmation de suppression d’un modèle d’accusé');
  await confirm.getByRole('button', { name: 'Supprimer' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toHaveCount(0);

  // A letter, tagged from its own page.
  const created = await page.context().request.post('/api/v1/correspondence', {
    headers,
    data: {
      direction: 'in',
      channel: 'email',
      subject: `Éclairage du wharf de Plum ${stamp}`,
      body: 'Le lampadaire du wharf ne s’allume plus.',
      sender: { name: 'Armelle Tein', email: 'armelle.tein@exemple.nc' },
    },
  });
  expect(created.status()).toBe(201);
  const item = (await created.json()) as { id: string; registrationNumber: string };
  await page.goto(`/correspondence/items/${item.id}`);
  await expect(page.getByRole('heading', { level: 1, name: `Éclairage du wharf de Plum ${stamp}` })).toBeVisible();
  await expect(page.getByText('Aucune étiquette')).toBeVisible();
  await page.getByRole('button', { name: 'Modifier les étiquettes' }).click();
  const picker = page.getByRole('dialog', { name: `Étiquettes du courrier ${item.registrationNumber}` });
  const tag = `Wharf ${stamp % 100000}`;
  const input = picker.getByLabel('Étiquettes', { exact: true });
  await input.fill(tag);
  await input.press('Enter');
  // Tab leaves the field as a keyboard user would: the organisation's other tags, still
  // suggested below it, no longer cover the dialog's buttons.
  await input.press('Tab');
  await expectAccessible(page, 'le choix des étiquettes sur la page du courrier');
  await picker.getByRole('button', { name: 'Enregistrer les étiquettes' }).click();
  await expect(picker).toBeHidden();
  await expect(page.getByRole('list', { name: 'Étiquettes' }).getByRole('listitem')).toHaveText([tag]);
  await expectAccessible(page, 'la page du courrier étiqueté');
});
