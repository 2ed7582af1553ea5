import { expect, expectAccessible, signIn, test } from '../support/fixtures';
import { createMember } from '../support/members';

test('une personne invitée remplace le mot de passe reçu puis se reconnecte avec le sien', async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(60_000);
  const { login, password, name } = await createMember(request, baseURL ?? '', {
    login: `motdepasse.${Date.now()}`,
    name: 'Lise Ouckewen',
    role: 'secretariat',
  });
  await signIn(page, login, password);
  await expect(page.getByRole('heading', { level: 1, name: `Bonjour, ${name}` })).toBeVisible();
  await page.getByRole('button', { name }).click();
  await page.getByRole('menuitem', { name: 'Sécurité du compte' }).click();

  const panel = page.getByRole('region', { name: 'Mot de passe' });
  await panel.getByLabel('Mot de passe actuel').fill(password);
  await panel.getByRole('textbox', { name: 'Nouveau mot de passe', exact: true }).fill('court');
  await expect(panel.getByText('Trop court : 12 caractères au moins.')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Changer le mot de passe' })).toBeDisabled();
  await panel
    .getByRole('textbox', { name: 'Nouveau mot de passe', exact: true })
    .fill('une phrase de passe bien à moi');
  await panel.getByLabel('Confirmer le nouveau mot de passe').fill('une phrase de passe bien à moi');
  await expectAccessible(page, 'le changement de mot de passe');
  await panel.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await expect(page.getByText('Mot de passe changé. Vos autres sessions ont été fermées.')).toBeVisible();

  await page.getByRole('button', { name }).click();
  await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
  await signIn(page, login, password);
  await expect(page.getByRole('alert')).toContainText('Adresse e-mail ou mot de passe incorrect.');
  await signIn(page, login, 'une phrase de passe bien à moi');
  await expect(page.getByRole('heading', { level: 1, name: `Bonjour, ${name}` })).toBeVisible();
});
