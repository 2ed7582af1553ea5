import { expect, expectAccessible, signIn, test } from '../support/fixtures';

test.use({ viewport: { width: 375, height: 740 } });

test('sur téléphone, on se connecte et on navigue par le menu', async ({ page }) => {
  await signIn(page, 'dircab');
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour, Julien Marchal' })).toBeVisible();
  await expectAccessible(page, 'l’accueil sur téléphone');

  const burger = page.getByRole('button', { name: 'Ouvrir le menu' });
  await expect(burger).toBeVisible();
  await burger.click();
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await expect(nav.getByRole('link', { name: 'Journal d’audit' })).toBeVisible();
  await expectAccessible(page, 'le menu ouvert sur téléphone');
  await nav.getByRole('link', { name: 'Journal d’audit' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Journal d’audit' })).toBeVisible();
  await expect(page).toHaveTitle(/Journal d’audit/);
  // The drawer closes after following a link.
  await expect(page.getByRole('button', { name: 'Ouvrir le menu' })).toBeVisible();
  // Nothing wider than the screen: no sideways scrolling of the page itself.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page, 'le journal d’audit sur téléphone');
});
