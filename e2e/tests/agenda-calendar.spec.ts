import { expect, expectAccessible, signIn, test } from '../support/fixtures';

// The secretariat keeps the mayor's diary (server/src/demo/agenda-demo.ts seeds a week around
// today). Two workers share one database: this journey creates its own event, with a unique
// title, early in the morning of today, where the demo has nothing.

test('le secrétariat inscrit un rendez-vous du maire, le déplace puis annule, et parcourt l’agenda', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const title = `Audience du comité de quartier ${Date.now()}`;
  await signIn(page, 'secretariat');
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Agenda' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Agenda' })).toBeVisible();
  // The mayor's week opens first for the secretariat.
  await expect(page.getByText('Hélène Boyer').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Grille horaire' })).toBeVisible();
  await expectAccessible(page, 'la semaine du maire');

  await page.getByRole('button', { name: 'Nouvel événement' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouvel événement' });
  await dialog.getByRole('textbox', { name: 'Titre' }).fill(title);
  await dialog.getByLabel('Heure de début').fill('08:00');
  await dialog.getByLabel('Heure de fin').fill('09:00');
  await dialog.getByRole('textbox', { name: 'Lieu' }).fill('Mairie annexe de Boulari');
  await dialog.getByLabel('Répétition', { exact: true }).click();
  await page.getByRole('option', { name: 'Toutes les semaines' }).click();
  await dialog.getByLabel('Répétition', { exact: true }).click();
  await page.getByRole('option', { name: 'Ne se répète pas' }).click();
  await expectAccessible(page, 'le formulaire d’événement');
  await dialog.getByRole('button', { name: 'Inscrire à l’agenda' }).click();
  await expect(dialog).toHaveCount(0);

  const chip = page.getByRole('button', { name: new RegExp(`^08:00–09:00 ${title} Réunion`) });
  await expect(chip).toBeVisible();
  await chip.scrollIntoViewIfNeeded();
  const box = await chip.boundingBox();
  if (!box) throw new Error('the event has no box');
  // An hour is 48 px in the grid: drag the event one hour later.
  await page.mouse.move(box.x + box.width / 2, box.y + 8);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + 30, { steps: 4 });
  await page.mouse.move(box.x + box.width / 2, box.y + 8 + 48, { steps: 4 });
  await page.mouse.up();
  await expect(page.getByText(`« ${title} » déplacé.`)).toBeVisible();
  await expect(page.getByRole('button', { name: new RegExp(`^09:00–10:00 ${title} Réunion`) })).toBeVisible();
  await page.getByRole('button', { name: 'Annuler', exact: true }).click();
  await expect(page.getByText('Déplacement annulé.')).toBeVisible();
  await expect(page.getByRole('button', { name: new RegExp(`^08:00–09:00 ${title} Réunion`) })).toBeVisible();

  // The event's details, and the keyboard's way to move it.
  await page.getByRole('button', { name: new RegExp(`^08:00–09:00 ${title} Réunion`) }).click();
  const details = page.getByRole('dialog', { name: title });
  await expect(details.getByText('Lieu : Mairie annexe de Boulari')).toBeVisible();
  await expectAccessible(page, 'le détail d’un événement');
  await details.getByRole('button', { name: 'Fermer' }).click();

  await page.getByText('Mois', { exact: true }).click();
  await expect(page).toHaveURL(/view=month/);
  await expect(page.getByRole('button', { name: `08:00 ${title} · Réunion` })).toBeVisible();
  await expectAccessible(page, 'le mois du maire');

  await page.getByText('Liste', { exact: true }).click();
  await expect(page).toHaveURL(/view=list/);
  await expect(page.getByText(title)).toBeVisible();
  await expect(page.getByText('08:00 – 09:00').first()).toBeVisible();
  await expectAccessible(page, 'la liste des événements');

  // The mayor's and the first deputy's days side by side, as the secretariat plans them.
  await page.getByText('Jour', { exact: true }).click();
  await page.getByRole('combobox', { name: 'Agendas affichés' }).click();
  await page.getByRole('option', { name: 'Paul Néhoué' }).click();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/view=day&.*officials=|officials=.*view=day/);
  await expect(page.getByRole('group', { name: /, Hélène Boyer$/ })).toBeVisible();
  await expect(page.getByRole('group', { name: /, Paul Néhoué$/ })).toBeVisible();
  await expect(page.getByRole('button', { name: new RegExp(`^08:00–09:00 ${title} Réunion`) })).toBeVisible();
  await expectAccessible(page, 'les agendas côte à côte');

  await page.getByRole('button', { name: 'Imprimer' }).click();
  await page.getByRole('menuitem', { name: 'Imprimer la semaine' }).click();
  await expect(page).toHaveURL(/\/agenda\/print\?week=\d{4}-\d{2}-\d{2}/);
  await expect(page.getByRole('heading', { level: 1, name: /Agenda de la semaine/ })).toBeVisible();
  await expect(page.getByRole('cell', { name: title })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Hélène Boyer' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Paul Néhoué' })).toBeVisible();
  await expectAccessible(page, 'la semaine à imprimer');
});

test.describe('sur téléphone', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('le secrétariat lit l’agenda du maire en liste', async ({ page }) => {
    await signIn(page, 'secretariat');
    await expect(page.getByRole('heading', { level: 1, name: 'Bonjour, Mireille Wéma' })).toBeVisible();
    await page.goto('/agenda');
    await expect(page.getByRole('heading', { level: 1, name: 'Agenda' })).toBeVisible();
    // A phone reads the agenda as a list: the grid of a week does not fit.
    await expect(page.getByRole('radio', { name: 'Liste' })).toBeChecked();
    await expect(page.getByText('Hélène Boyer').first()).toBeVisible();
    await expect(page.getByText('Rencontre avec le représentant de l’État').first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'l’agenda du maire sur téléphone');
  });
});
