import { modulesFor } from '@dircab/contracts';
import { ACCOUNTS, MODULE_LABELS } from '../support/demo';
import { expect, expectAccessible, signIn, test } from '../support/fixtures';

test.describe('Connexion de chaque rôle de démonstration', () => {
  test('la page de connexion est accessible', async ({ page }) => {
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { name: 'Connexion', level: 1 })).toBeVisible();
    await expect(page).toHaveTitle(/Connexion/);
    await expectAccessible(page, 'la page de connexion');
  });

  for (const person of ACCOUNTS) {
    test(`${person.title} (${person.login}@) voit son accueil et exactement ses modules`, async ({ page }) => {
      await signIn(page, person.login);
      await expect(page.getByRole('heading', { level: 1, name: `Bonjour, ${person.name}` })).toBeVisible();
      await expect(page.getByText(`${person.title} · Ville du Mont-Dore (démonstration)`)).toBeVisible();
      await expect(page).toHaveTitle(/Accueil/);

      const nav = page.getByRole('navigation', { name: 'Navigation principale' });
      const expected = modulesFor(person.role).map((key) => MODULE_LABELS[key]);
      await expect(nav.getByRole('link')).toHaveText(expected as string[]);
      await expectAccessible(page, `l’accueil de ${person.login}`);
    });
  }
});
