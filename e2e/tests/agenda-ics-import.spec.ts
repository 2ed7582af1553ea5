import { expect, expectAccessible, signIn, test } from '../support/fixtures';

// An invitation received by e-mail from the province's calendar: the secretariat imports its
// .ics onto the mayor's agenda from the calendar's toolbar and checks the day and hours.
// A day far ahead, with a unique title: the other journeys never meet it.

const ics = (title: string) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Province Sud//Agenda//FR',
    'METHOD:REQUEST',
    'BEGIN:VTIMEZONE',
    'TZID:Pacific/Noumea',
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    'TZOFFSETFROM:+1100',
    'TZOFFSETTO:+1100',
    'TZNAME:NCT',
    'END:STANDARD',
    'END:VTIMEZONE',
    'BEGIN:VEVENT',
    `UID:${title.replace(/\s/g, '-')}@province-sud.nc`,
    'DTSTAMP:20260101T000000Z',
    'DTSTART;TZID=Pacific/Noumea:20280315T090000',
    'DTEND;TZID=Pacific/Noumea:20280315T113000',
    `SUMMARY:${title}`,
    'LOCATION:Hôtel de la province Sud',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');

test('le secrétariat importe une invitation .ics dans l’agenda du maire', async ({ page }) => {
  test.setTimeout(90_000);
  const title = `Réunion des maires ${Date.now()}`;
  await signIn(page, 'secretariat');
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
  await page.goto('/agenda?view=week&date=2028-03-13');
  await expect(page.getByRole('heading', { level: 1, name: 'Agenda' })).toBeVisible();
  await page.getByRole('button', { name: 'Importer une invitation (.ics)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Importer une invitation .ics' });
  await expect(dialog.getByText('Hélène Boyer')).toBeVisible();
  await dialog.locator('input[type="file"]').setInputFiles({
    name: 'invitation.ics',
    mimeType: 'text/calendar',
    buffer: Buffer.from(ics(title), 'utf8'),
  });
  await expectAccessible(page, 'l’import d’une invitation .ics');
  await dialog.getByRole('button', { name: 'Importer', exact: true }).click();
  await expect(dialog.getByText('1 événement importé')).toBeVisible();
  const imported = dialog.getByRole('list', { name: 'Événements importés' });
  await expect(imported).toContainText(title);
  await expect(imported).toContainText('Mercredi 15 mars 2028, 09:00 – 11:30 — Hôtel de la province Sud');
  await expectAccessible(page, 'le compte rendu de l’import');
  await dialog.getByRole('button', { name: 'Fermer', exact: true }).last().click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: new RegExp(`^09:00–11:30 ${title}`) })).toBeVisible();
});
