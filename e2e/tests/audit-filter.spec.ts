import { expect, expectAccessible, signIn, test } from '../support/fixtures';

test('le directeur de cabinet filtre le journal d’audit', async ({ page }) => {
  await signIn(page, 'dircab');
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Journal d’audit' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Journal d’audit' })).toBeVisible();
  // Authors: every member of the organisation, not only those of the entries loaded.
  await page.getByRole('combobox', { name: 'Auteur' }).fill('Kévin');
  await expect(page.getByRole('option', { name: 'Kévin Tuiasi' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Auteur' }).fill('');
  await page.keyboard.press('Escape');
  await page.getByRole('combobox', { name: 'Type d’élément' }).fill('organisation');
  // Tab leaves the field as a keyboard user would: its suggestions no longer cover « Filtrer ».
  await page.getByRole('combobox', { name: 'Type d’élément' }).press('Tab');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page.getByRole('button', { name: 'Réinitialiser' })).toBeVisible();
  await expectAccessible(page, 'le journal d’audit filtré');
  await page.goto('/admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
  await expectAccessible(page, 'la page introuvable');
});
