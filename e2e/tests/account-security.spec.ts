import { expect, expectAccessible, signIn, test } from '../support/fixtures';
import { createMember } from '../support/members';
import { totp } from '../support/totp';

test('un conseiller active la vérification en deux étapes puis se reconnecte avec un code', async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(60_000);
  const { login, password } = await createMember(request, baseURL ?? '', {
    login: `securite.${Date.now()}`,
    name: 'Solène Wahetra',
    role: 'advisor',
  });
  await signIn(page, login, password);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour, Solène Wahetra' })).toBeVisible();

  await page.getByRole('button', { name: 'Solène Wahetra' }).click();
  await page.getByRole('menuitem', { name: 'Sécurité du compte' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sécurité du compte' })).toBeVisible();
  await expectAccessible(page, 'la sécurité du compte');

  const totpPanel = page.getByRole('region', { name: 'Vérification en deux étapes' });
  await totpPanel.getByLabel('Mot de passe actuel').fill(password);
  await totpPanel.getByRole('button', { name: 'Activer' }).click();
  const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
  expect(secret.replace(/\s/g, '')).toMatch(/^[A-Z2-7]{16,}$/);
  await expect(page.getByRole('list', { name: 'Codes de secours' }).getByRole('listitem').first()).toBeVisible();
  await expectAccessible(page, 'l’enrôlement de la vérification en deux étapes');
  await page.getByLabel('Code à 6 chiffres').fill(totp(secret));
  await page.getByRole('button', { name: 'Confirmer l’activation' }).click();
  await expect(page.getByText('La vérification en deux étapes est activée')).toBeVisible();

  await page.getByRole('button', { name: 'Solène Wahetra' }).click();
  await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();

  await signIn(page, login, password);
  await expect(page.getByRole('heading', { level: 1, name: 'Vérification en deux étapes' })).toBeVisible();
  await expectAccessible(page, 'la saisie du code');
  await page.getByLabel('Code à 6 chiffres').fill(totp(secret));
  await page.getByRole('button', { name: 'Vérifier' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour, Solène Wahetra' })).toBeVisible();
});
