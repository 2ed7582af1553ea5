import { emailOf } from '../support/demo';
import { expect, expectAccessible, signIn, test } from '../support/fixtures';

test('un mot de passe erroné affiche l’erreur en français et laisse sur la page de connexion', async ({ page }) => {
  await signIn(page, 'conseiller', 'mauvais-mot-de-passe-2026');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Adresse e-mail ou mot de passe incorrect.');
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByLabel('Adresse électronique')).toHaveValue(emailOf('conseiller'));
  await expectAccessible(page, 'la connexion en erreur');
});

test('les champs vides sont signalés sans appeler le serveur', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByText('Saisissez une adresse électronique valide.')).toBeVisible();
  await expect(page.getByText('Saisissez votre mot de passe.')).toBeVisible();
  await expectAccessible(page, 'la connexion avec champs vides');
});
