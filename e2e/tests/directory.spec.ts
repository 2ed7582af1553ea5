import { DEMO_PASSWORD, emailOf } from '../support/demo';
import { expect, expectAccessible, signIn, test } from '../support/fixtures';

// The demo's directory (server/src/demo/directory-demo.ts). Two workers share one database:
// this journey only reads the demo contacts and creates its own, with a unique name.

test('la cheffe de cabinet cherche, consulte, crée puis modifie un contact', async ({ page }) => {
  // A long journey (six pages, two forms): more than the default 30 s when the CPU is shared.
  test.setTimeout(90_000);
  const lastName = `Tuyéné-${Date.now()}`;
  await signIn(page, 'chefcab');
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Annuaire' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Annuaire' })).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
  await expectAccessible(page, 'la liste des contacts');

  // Accents and case forgiven: « prevost » finds « Laurent Prévost ».
  await page.getByRole('searchbox', { name: 'Nom' }).fill('prevost');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await page.getByRole('link', { name: 'Laurent Prévost' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Laurent Prévost' })).toBeVisible();
  await expect(page.getByText('Monsieur le Haut-commissaire')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Historique' })).toHaveCount(0);
  await expectAccessible(page, 'la page d’un contact');

  await page.getByRole('link', { name: 'Retour à l’annuaire' }).click();
  await page.getByRole('button', { name: 'Nouveau contact' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouveau contact' });
  await dialog.getByRole('textbox', { name: 'Prénom' }).fill('Marie-Claude');
  await dialog.getByRole('textbox', { name: 'Nom de famille' }).fill(lastName);
  await dialog.getByRole('button', { name: 'Ajouter un téléphone' }).click();
  await dialog.getByRole('textbox', { name: 'Téléphone 1', exact: true }).fill('+687 28.12.34');
  await dialog.getByRole('button', { name: 'Ajouter un téléphone' }).click();
  await dialog.getByRole('textbox', { name: 'Téléphone 2', exact: true }).fill('06 12 34 56 78');
  await dialog.getByRole('button', { name: 'Ajouter une adresse' }).click();
  await dialog.getByRole('textbox', { name: 'Adresse 1, ligne 1' }).fill('12 rue des Flamboyants');
  await dialog.getByRole('textbox', { name: 'Code postal de l’adresse 1' }).fill('98809');
  await dialog.getByRole('textbox', { name: 'Commune de l’adresse 1' }).fill('Mont-Dore');
  await expectAccessible(page, 'le formulaire de contact');
  await dialog.getByRole('button', { name: 'Créer le contact' }).click();

  const name = `Marie-Claude ${lastName}`;
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('link', { name: '+687 28 12 34' })).toHaveAttribute('href', 'tel:+687281234');
  await expect(page.getByRole('link', { name: '+33 6 12 34 56 78' })).toHaveAttribute('href', 'tel:+33612345678');
  await expect(page.getByText('12 rue des Flamboyants')).toBeVisible();
  await expectAccessible(page, 'le contact créé');

  await page.getByRole('link', { name: 'Retour à l’annuaire' }).click();
  await page.getByRole('searchbox', { name: 'Nom' }).fill(lastName.toLowerCase().replace('é', 'e'));
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page.getByRole('link', { name })).toBeVisible();
  await page.getByRole('link', { name }).click();

  await page.getByRole('button', { name: 'Modifier' }).click();
  const edit = page.getByRole('dialog', { name: `Modifier ${name}` });
  await edit.getByRole('textbox', { name: 'Fonction' }).fill('Présidente du comité de quartier');
  await edit.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(edit).toHaveCount(0);
  await expect(page.getByText('Présidente du comité de quartier').first()).toBeVisible();
  await expectAccessible(page, 'le contact modifié');
});

test('un conseiller ne voit pas le contact confidentiel : message 404 en français', async ({
  page,
  request,
  baseURL,
}) => {
  // Its address, found by the chief of staff (who sees confidential contacts).
  const signedIn = await request.post('/api/auth/sign-in/email', {
    headers: { origin: baseURL ?? '' },
    data: { email: emailOf('dircab'), password: DEMO_PASSWORD },
  });
  expect(signedIn.ok()).toBe(true);
  const found = await request.get('/api/v1/contacts?q=Sarramea');
  expect(found.ok()).toBe(true);
  const { data } = (await found.json()) as { data: { id: string; confidentiality: string }[] };
  const confidential = data.find((c) => c.confidentiality === 'confidential');
  expect(confidential).toBeDefined();

  await signIn(page, 'conseiller');
  await expect(page.getByRole('heading', { level: 1, name: /Bonjour/ })).toBeVisible();
  await page.goto(`/directory/contacts/${confidential?.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Contact introuvable' })).toBeVisible();
  await expect(page.getByText('vous n’êtes pas autorisé(e) à le consulter', { exact: false })).toBeVisible();
  await expectAccessible(page, 'le contact introuvable');
});

test('la collaboratrice de groupe n’a pas l’annuaire', async ({ page }) => {
  await signIn(page, 'groupe');
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await expect(nav.getByRole('link', { name: 'Accueil' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Annuaire' })).toHaveCount(0);
  await page.goto('/directory');
  await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
});

test.describe('sur un téléphone (375 px)', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('les quartiers et les services se consultent', async ({ page }) => {
    await signIn(page, 'conseiller');
    await expect(page.getByRole('heading', { level: 1, name: /Bonjour/ })).toBeVisible();
    await page.goto('/directory/territories');
    await expect(page.getByRole('heading', { level: 1, name: 'Quartiers' })).toBeVisible();
    // An advisor reads the reference lists but does not keep them.
    await expect(page.getByRole('button', { name: 'Nouveau quartier' })).toHaveCount(0);
    await expectAccessible(page, 'les quartiers');
    await page.getByRole('link', { name: 'Services', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Services' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Services techniques' })).toBeVisible();
    await expectAccessible(page, 'les services');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
  });
});
