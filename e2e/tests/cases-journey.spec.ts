import type { Browser, Page } from '@playwright/test';
import { expect, expectAccessible, newBrowserPage, signIn, test } from '../support/fixtures';

// Issue 6's cases journey: the director of cabinet opens a confidential case naming the mayor,
// links a contact, gives the mayor a task and alerts her; the mayor, on her home page, sees the
// alert arrive live, opens the case and finds the task in « Mes tâches »; an adviser who is not
// named gets « introuvable » on the case's address. Each run's case is its own (stamped title).

async function as(browser: Browser, baseURL: string, login: string): Promise<Page> {
  const page = await newBrowserPage(browser, { baseURL });
  await signIn(page, login);
  // The first page of a fresh server (migrations, demo seed, jobs at start) can take a while.
  await expect(page.getByRole('heading', { level: 1, name: /^Bonjour/ })).toBeVisible({ timeout: 30_000 });
  return page;
}

async function openModule(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: label }).click();
  await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
}

test('un dossier confidentiel : ouvert par le directeur de cabinet, le maire alerté en direct, un conseiller tenu à l’écart', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const base = baseURL ?? '';
  const stamp = Date.now();
  const title = `Foncier coutumier de Plum ${stamp}`;
  const taskTitle = `Recevoir la chefferie ${stamp}`;

  // The mayor is on her home page, the alert feed open and live.
  const mayor = await as(browser, base, 'maire');
  const alerts = mayor.getByRole('region', { name: 'Alertes' });
  await expect(alerts.getByText('Mis à jour en direct')).toBeVisible({ timeout: 15_000 });
  await expectAccessible(mayor, 'l’accueil du maire avec ses alertes');

  // The director of cabinet opens the case, confidential, naming the mayor.
  const dircab = await as(browser, base, 'dircab');
  await openModule(dircab, 'Dossiers');
  await expect(dircab.getByRole('table')).toBeVisible();
  await expectAccessible(dircab, 'la liste des dossiers');
  await dircab.getByRole('button', { name: 'Nouveau dossier' }).click();
  const form = dircab.getByRole('dialog', { name: 'Ouvrir un dossier' });
  await form.getByRole('combobox', { name: 'Type de dossier' }).click();
  await dircab.getByRole('option', { name: 'Affaire sensible' }).click();
  await form.getByRole('textbox', { name: 'Intitulé' }).fill(title);
  await form.getByRole('textbox', { name: 'Résumé' }).fill('Revendication sur les terrains du futur plateau sportif.');
  await form.getByRole('radio', { name: 'Confidentiel' }).check();
  const members = form.getByRole('combobox', { name: 'Personnes habilitées' });
  await members.fill('Boyer');
  await dircab.getByRole('option', { name: /Hélène Boyer/ }).click();
  await dircab.keyboard.press('Escape');
  await form.getByRole('combobox', { name: 'Niveau de risque' }).click();
  await dircab.getByRole('option', { name: 'élevé' }).click();
  await expectAccessible(dircab, 'le formulaire d’ouverture d’un dossier');
  await form.getByRole('button', { name: 'Ouvrir le dossier' }).click();
  await expect(dircab.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const caseUrl = new URL(dircab.url()).pathname;
  expect(caseUrl).toMatch(/^\/cases\/[0-9a-f-]{36}$/);

  // A contact linked through the search, once the page's panels have loaded (a picker's
  // list closes when the page moves under it).
  const linked = dircab.getByRole('region', { name: 'Éléments liés' });
  const timeline = dircab.getByRole('region', { name: 'Chronologie' });
  await expect(linked.getByText('Aucun élément lié pour le moment.')).toBeVisible();
  await expect(timeline.getByText('Dossier ouvert')).toBeVisible();
  const links = dircab.getByRole('form', { name: 'Lier' });
  await links.getByRole('combobox', { name: 'Élément', exact: true }).fill('Radio Lagon');
  await dircab.getByRole('option', { name: 'Radio Lagon' }).click();
  await links.getByRole('button', { name: 'Lier' }).click();
  await expect(linked.getByRole('link', { name: 'Radio Lagon' })).toBeVisible();
  await expect(timeline.getByText('Contact lié')).toBeVisible();

  // A task of the case for the mayor.
  await dircab.getByRole('button', { name: 'Nouvelle tâche' }).click();
  const taskForm = dircab.getByRole('dialog', { name: 'Nouvelle tâche' });
  await taskForm.getByRole('textbox', { name: 'Intitulé' }).fill(taskTitle);
  await taskForm.getByRole('combobox', { name: 'Personne chargée' }).fill('Boyer');
  await dircab.getByRole('option', { name: /Hélène Boyer/ }).click();
  await taskForm.getByRole('button', { name: 'Créer la tâche' }).click();
  await expect(taskForm).toBeHidden();
  await expect(timeline.getByText(new RegExp(taskTitle))).toBeVisible();

  // « Alerter le maire ».
  await dircab.getByRole('button', { name: 'Alerter le maire' }).click();
  const escalate = dircab.getByRole('dialog', { name: 'Alerter le maire' });
  await escalate
    .getByRole('textbox', { name: 'Message au maire' })
    .fill('La chefferie demande à vous voir avant vendredi.');
  await expectAccessible(dircab, 'l’alerte au maire');
  await escalate.getByRole('button', { name: 'Alerter' }).click();
  await expect(dircab.getByText('Le maire a été alerté')).toBeVisible();
  await expectAccessible(dircab, 'la page du dossier');

  // The interventions report, from the list.
  await dircab.getByRole('link', { name: 'Revenir aux dossiers' }).click();
  await dircab.getByRole('link', { name: 'Bilan des interventions' }).click();
  await expect(dircab.getByRole('heading', { level: 1, name: 'Bilan des interventions' })).toBeVisible();
  await expect(dircab.getByRole('table').or(dircab.getByText('Aucune intervention sur cette période.'))).toBeVisible();
  await expectAccessible(dircab, 'le bilan des interventions');

  // The mayor sees it arrive without reloading, and opens the case.
  const alert = alerts.getByRole('link', { name: title });
  await expect(alert).toBeVisible({ timeout: 15_000 });
  await expect(alerts.getByText('La chefferie demande à vous voir avant vendredi.')).toBeVisible();
  await expectAccessible(mayor, 'l’accueil du maire, l’alerte arrivée');
  await alert.click();
  await expect(mayor.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(
    mayor.getByRole('region', { name: 'Éléments liés' }).getByRole('link', { name: 'Radio Lagon' }),
  ).toBeVisible();
  await expectAccessible(mayor, 'la page du dossier pour le maire');

  // Her task is in « Mes tâches », and leads back to the case.
  await openModule(mayor, 'Tâches');
  await expect(mayor.getByRole('tab', { name: 'Mes tâches', selected: true })).toBeVisible();
  const row = mayor.getByRole('row', { name: new RegExp(taskTitle) });
  await expect(row).toBeVisible();
  await expectAccessible(mayor, 'mes tâches');
  await row.getByRole('link', { name: taskTitle }).click();
  await expect(mayor.getByRole('heading', { level: 1, name: taskTitle })).toBeVisible();
  await expectAccessible(mayor, 'la page de la tâche');
  await mayor.getByRole('link', { name: 'Ouvrir l’élément lié (Dossier)' }).click();
  await expect(mayor.getByRole('heading', { level: 1, name: title })).toBeVisible();

  // An adviser not named on it: « introuvable », and not in their list.
  const adviser = await as(browser, base, 'conseiller');
  await adviser.goto(caseUrl);
  await expect(adviser.getByRole('heading', { level: 1, name: 'Dossier introuvable' })).toBeVisible();
  await expectAccessible(adviser, 'le dossier introuvable');
  await openModule(adviser, 'Dossiers');
  await expect(adviser.getByRole('table').or(adviser.getByText('Aucun dossier ne correspond.'))).toBeVisible();
  await expect(adviser.getByRole('link', { name: title })).toHaveCount(0);

  for (const page of [mayor, dircab, adviser]) await page.context().close();
});
