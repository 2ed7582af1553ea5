import { expect, expectAccessible, signIn, test } from '../support/fixtures';

// A UUIDv7-shaped id that no member has.
const NOBODY = '0190a000-0000-7000-8000-00000000dead';

test('l’administrateur invite un membre, le désactive, le réactive et lit son historique', async ({ page }) => {
  // A long journey with an axe pass on each of its eight screens.
  test.setTimeout(90_000);
  const name = 'Aline Tchoéaoua';
  const email = `aline.${Date.now()}@mont-dore.example`;
  await signIn(page, 'admin');
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Administration' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Laurent Petitjean' })).toBeVisible();
  await expect(page.getByTestId('members-total')).toHaveText(/^\d+ membres dans l’organisation$/);
  await expectAccessible(page, 'la liste des membres');

  // Invitation: the temporary password is shown once.
  await page.getByRole('button', { name: 'Inviter un membre' }).click();
  const dialog = page.getByRole('dialog', { name: 'Inviter un membre' });
  await dialog.getByLabel('Nom').fill(name);
  await dialog.getByLabel('Adresse électronique').fill(email);
  await dialog.getByRole('combobox', { name: 'Rôle' }).click();
  await page.getByRole('option', { name: 'Chargé(e) de communication' }).click();
  await dialog.getByLabel('Fonction').fill('Photographe');
  await expectAccessible(page, 'le formulaire d’invitation');
  await dialog.getByRole('button', { name: 'Créer le compte' }).click();
  await expect(dialog.getByText(`Compte de ${name} créé`)).toBeVisible();
  await expect(dialog.getByTestId('temporary-password')).toHaveText(/\S{12,}/);
  await expect(dialog.getByRole('button', { name: 'Copier' })).toBeVisible();
  await expectAccessible(page, 'le mot de passe provisoire');
  await dialog.getByRole('button', { name: 'Terminé' }).click();

  // Disable, with a confirmation.
  await page.getByRole('button', { name: `Gérer ${name}` }).click();
  const drawer = page.getByRole('dialog', { name });
  // The drawer has its own address: a search hit or a link shared with a colleague opens it.
  await expect(page).toHaveURL(/\/admin\/members\/[0-9a-f-]{36}$/);
  const memberUrl = page.url();
  await expect(drawer.getByRole('heading', { name: 'Historique' })).toBeVisible();
  await expect(drawer.getByText('Membre créé')).toBeVisible();
  await expectAccessible(page, 'la fiche du membre');
  await drawer.getByRole('button', { name: 'Désactiver le compte' }).click();
  const confirm = page.getByRole('dialog', { name: 'Désactiver ce compte ?' });
  await expectAccessible(page, 'la confirmation de désactivation');
  await confirm.getByRole('button', { name: 'Désactiver' }).click();
  await expect(drawer.getByRole('button', { name: 'Réactiver le compte' })).toBeVisible();
  await expect(drawer.getByText('Membre désactivé')).toBeVisible();

  // Enable again.
  await drawer.getByRole('button', { name: 'Réactiver le compte' }).click();
  await expect(drawer.getByRole('button', { name: 'Désactiver le compte' })).toBeVisible();
  await expect(drawer.getByText('Membre réactivé')).toBeVisible();

  // Change of role, traced too.
  await drawer.getByRole('combobox', { name: 'Rôle' }).click();
  await page.getByRole('option', { name: 'Conseiller(ère)' }).click();
  await drawer.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(drawer.getByText('Membre modifié')).toBeVisible();
  await expect(drawer.getByText('Chargé(e) de communication → Conseiller(ère)')).toBeVisible();
  await expectAccessible(page, 'l’historique du membre');
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/\/admin$/);

  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Conseiller(ère)');
  await page.getByRole('tab', { name: 'Organisation' }).click();
  await expect(page.getByLabel('Nom de l’organisation')).toHaveValue('Ville du Mont-Dore (démonstration)');
  await expectAccessible(page, 'les réglages de l’organisation');

  // The member's address, opened in a fresh page: the admin page loads with the drawer open.
  const fresh = await page.context().newPage();
  await fresh.goto(memberUrl);
  const direct = fresh.getByRole('dialog', { name });
  await expect(direct.getByText(email, { exact: true })).toBeVisible();
  await expect(direct.getByText('Membre modifié')).toBeVisible();
  await expect(fresh.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
  await expectAccessible(fresh, 'la fiche du membre ouverte par son adresse');
  await direct.getByRole('button', { name: 'Fermer' }).click();
  await expect(fresh).toHaveURL(/\/admin$/);
  await expect(fresh.getByRole('rowheader', { name })).toBeVisible();

  // An address that is no member of this organisation: said plainly.
  await fresh.goto(`/admin/members/${NOBODY}`);
  const missing = fresh.getByRole('dialog', { name: 'Membre introuvable' });
  await expect(missing.getByText('Ce membre n’existe pas ou n’appartient pas à cette organisation.')).toBeVisible();
  await expectAccessible(fresh, 'un membre introuvable');
  await missing.getByRole('button', { name: 'Revenir à la liste des membres' }).click();
  await expect(fresh).toHaveURL(/\/admin$/);
  await fresh.close();
});
