import type { Browser, Page } from '@playwright/test';
import { DEMO_PASSWORD, emailOf } from '../support/demo';
import { expect, expectAccessible, newBrowserPage, signIn, test } from '../support/fixtures';

// Issue 5's journey: the secretariat records an invitation and answers it by delegating it to
// the premier adjoint, prepares the trip brief, the chef de cabinet validates it, then the
// deputy opens the agenda on a phone (375 × 812) and finds the event with its brief in their
// day. The invitation and its organiser are this run's own (two workers share one database).

const ZONE = 'Pacific/Noumea';

/** Tomorrow in Nouméa (the demo's zone), as YYYY-MM-DD: the today view shows today and tomorrow. */
function tomorrowInNoumea(): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The organiser as a directory contact with a phone, created by the secretariat through the API. */
async function createOrganiser(browser: Browser, baseURL: string, name: string): Promise<void> {
  const context = await browser.newContext({ baseURL });
  const headers = { origin: baseURL };
  const signedIn = await context.request.post('/api/auth/sign-in/email', {
    headers,
    data: { email: emailOf('secretariat'), password: DEMO_PASSWORD },
  });
  expect(signedIn.ok()).toBe(true);
  const created = await context.request.post('/api/v1/contacts', {
    headers,
    data: { kind: 'organisation', name, phones: [{ number: '+687 43 12 34' }] },
  });
  expect(created.status(), await created.text()).toBe(201);
  await context.close();
}

async function as(
  browser: Browser,
  baseURL: string,
  login: string,
  viewport: { width: number; height: number } | null = null,
): Promise<Page> {
  const page = await newBrowserPage(browser, { baseURL, viewport });
  await signIn(page, login);
  // The first page of a fresh server (migrations, demo seed, jobs at start) can take a while.
  await expect(page.getByRole('heading', { level: 1, name: /^Bonjour/ })).toBeVisible({ timeout: 30_000 });
  return page;
}

test('une invitation déléguée au premier adjoint, sa fiche préparée et validée, vue par l’adjoint sur son téléphone', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const base = baseURL ?? '';
  const stamp = Date.now();
  const title = `Fête du quartier de Boulari ${stamp}`;
  const organiser = `Comité des fêtes de Boulari ${stamp}`;
  const day = tomorrowInNoumea();
  await createOrganiser(browser, base, organiser);

  // The secretariat records the invitation.
  const secretariat = await as(browser, base, 'secretariat');
  await secretariat.goto('/agenda/invitations');
  await expect(secretariat.getByRole('heading', { level: 1, name: 'Invitations reçues' })).toBeVisible();
  await expectAccessible(secretariat, 'la liste des invitations');
  await secretariat.getByRole('link', { name: 'Nouvelle invitation' }).click();
  await expect(secretariat.getByRole('heading', { level: 1, name: 'Enregistrer une invitation' })).toBeVisible();
  await secretariat.getByRole('textbox', { name: /^Intitulé/ }).fill(title);
  const picker = secretariat.getByRole('combobox', { name: /^Organisateur \(annuaire\)/ });
  await picker.fill(organiser);
  await secretariat.getByRole('option', { name: organiser }).click();
  await secretariat.getByLabel(/^Date/).fill(day);
  await secretariat.getByLabel(/^Début/).fill('18:00');
  await secretariat.getByLabel(/^Fin/).fill('20:00');
  await secretariat.getByRole('textbox', { name: 'Lieu', exact: true }).fill('Salle polyvalente de Boulari');
  await secretariat.getByRole('textbox', { name: 'Adresse du lieu' }).fill('Route de Boulari, 98809 Mont-Dore');
  await secretariat.getByLabel(/^Répondre avant le/).fill(day);
  await expectAccessible(secretariat, 'le formulaire d’invitation');
  await secretariat.getByRole('button', { name: 'Enregistrer l’invitation' }).click();

  // It answers by delegating to the premier adjoint.
  await expect(secretariat.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(secretariat.getByText(`Organisateur : ${organiser}`)).toBeVisible();
  await expectAccessible(secretariat, 'l’invitation à répondre');
  await secretariat.getByRole('combobox', { name: 'Déléguer à' }).click();
  await secretariat.getByRole('option', { name: /Paul Néhoué — Premier adjoint/ }).click();
  await secretariat.getByRole('button', { name: 'Déléguer', exact: true }).click();
  await expect(secretariat.getByText('Déléguée à Paul Néhoué, qui représente le Maire.')).toBeVisible();
  await expectAccessible(secretariat, 'l’invitation déléguée');

  // It prepares the trip brief.
  await secretariat.getByRole('link', { name: 'Préparer la fiche de déplacement' }).click();
  await expect(secretariat.getByRole('heading', { level: 1, name: `Fiche de déplacement · ${title}` })).toBeVisible();
  await expect(secretariat.getByText('représente le Maire')).toBeVisible();
  await secretariat
    .getByRole('textbox', { name: 'Éléments de langage' })
    .fill('Remercier les bénévoles du comité.\nAnnoncer la rénovation du plateau sportif.');
  await secretariat.getByRole('textbox', { name: 'Chauffeur' }).fill('Marc Ouetcho');
  await secretariat.getByRole('textbox', { name: 'Cadeau' }).fill('Livre sur le Mont-Dore');
  await secretariat.getByRole('button', { name: 'Enregistrer la fiche' }).click();
  await expect(secretariat.getByText('Fiche enregistrée.')).toBeVisible();
  await expect(secretariat.getByText('Projet', { exact: true })).toBeVisible();
  // Only the heads of the cabinet validate.
  await expect(secretariat.getByRole('button', { name: 'Valider la fiche' })).toHaveCount(0);
  await expectAccessible(secretariat, 'la fiche de déplacement');
  const briefUrl = new URL(secretariat.url()).pathname;
  await secretariat.context().close();

  // The chef de cabinet validates it.
  const chefcab = await as(browser, base, 'chefcab');
  await chefcab.goto(briefUrl);
  await expect(chefcab.getByRole('heading', { level: 1, name: `Fiche de déplacement · ${title}` })).toBeVisible();
  await chefcab.getByRole('button', { name: 'Valider la fiche' }).click();
  await expect(chefcab.getByText('Fiche validée.')).toBeVisible();
  await expect(chefcab.getByText('Validée', { exact: true })).toBeVisible();
  await expectAccessible(chefcab, 'la fiche validée');
  await chefcab.getByRole('link', { name: 'Version imprimable' }).click();
  await expect(chefcab.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expectAccessible(chefcab, 'la fiche imprimable');
  await chefcab.context().close();

  // The deputy opens the agenda on a phone and lands on their day.
  const deputy = await as(browser, base, 'adjoint', { width: 375, height: 812 });
  await deputy.goto('/agenda');
  await expect(deputy).toHaveURL(/\/agenda\/today$/);
  await expect(deputy.getByRole('heading', { level: 1, name: 'Ma journée' })).toBeVisible();
  const card = deputy.getByRole('article', { name: new RegExp(title) });
  await expect(card).toBeVisible();
  await expect(card.getByText('18:00 – 20:00')).toBeVisible();
  await expect(card.getByText('représente le Maire')).toBeVisible();
  await expect(card.getByText(/Remercier les bénévoles du comité/)).toBeVisible();
  await expect(card.getByText('Chauffeur : Marc Ouetcho')).toBeVisible();
  await expect(card.getByText('Validée', { exact: true })).toBeVisible();
  await expect(card.getByRole('link', { name: `Appeler ${organiser}` })).toHaveAttribute('href', 'tel:+687431234');
  await expect(card.getByRole('link', { name: /^Plan : Salle polyvalente de Boulari/ })).toHaveAttribute(
    'href',
    /openstreetmap\.org/,
  );
  // Nothing wider than the phone.
  const overflow = await deputy.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(deputy, 'la journée de l’adjoint sur téléphone');
  await card.getByRole('link', { name: `Fiche de déplacement : ${title}` }).click();
  await expect(deputy.getByRole('heading', { level: 1, name: `Fiche de déplacement · ${title}` })).toBeVisible();
  await expect(deputy.getByText('Livre sur le Mont-Dore')).toBeVisible();
  await expectAccessible(deputy, 'la fiche sur téléphone');
  await deputy.context().close();
});
