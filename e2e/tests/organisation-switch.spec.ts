import { expect, expectAccessible, signIn, test } from '../support/fixtures';

test('la maire passe de la Ville au CCAS, puis ouvre la palette avec Ctrl+K', async ({ page }) => {
  await signIn(page, 'maire');
  await expect(page.getByText('Maire / Président(e) · Ville du Mont-Dore (démonstration)')).toBeVisible();

  await page.getByRole('banner').getByRole('button', { name: 'Ville du Mont-Dore (démonstration)' }).click();
  await expect(page.getByRole('menu')).toBeVisible();
  await expectAccessible(page, 'le choix de l’organisation');
  await page.getByRole('menuitem', { name: 'CCAS du Mont-Dore (démonstration)' }).click();

  await expect(page.getByText('Maire / Président(e) · CCAS du Mont-Dore (démonstration)')).toBeVisible();
  await expect(
    page.getByRole('banner').getByRole('button', { name: 'CCAS du Mont-Dore (démonstration)' }),
  ).toBeVisible();
  await expectAccessible(page, 'l’accueil au CCAS');

  await page.keyboard.press('Control+K');
  const palette = page.getByRole('dialog', { name: 'Palette de commandes' });
  await expect(palette).toBeVisible();
  const input = palette.getByRole('textbox', { name: 'Rechercher une page ou un élément' });
  await expect(input).toBeFocused();
  await expect(palette.getByRole('button', { name: /Accueil/ })).toBeVisible();
  await expectAccessible(page, 'la palette de commandes');

  await input.fill('subvention');
  const everywhere = palette.getByRole('button', { name: /Rechercher « subvention » dans tout Dircab/ });
  await expect(everywhere).toBeVisible();
  await everywhere.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Recherche' })).toBeVisible();
  await expect(page.getByLabel('Mots recherchés')).toHaveValue('subvention');
  await expectAccessible(page, 'la page de recherche');

  // The visible button opens it too, for whoever does not know the shortcut.
  await page
    .getByRole('banner')
    .getByRole('button', { name: /Rechercher/ })
    .click();
  await expect(page.getByRole('dialog', { name: 'Palette de commandes' })).toBeVisible();
});
