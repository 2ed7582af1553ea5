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

/** The secretariat's API, as the fixtures of a journey use it. */
async function secretariatApi(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL });
  const headers = { origin: baseURL };
  const signedIn = await context.request.post('/api/auth/sign-in/email', {
    headers,
    data: { email: emailOf('secretariat'), password: DEMO_PASSWORD },
  });
  expect(signedIn.ok()).toBe(true);
  return {
    post: (url: string, data: unknown) => context.request.post(url, { headers, data }),
    get: (url: string) => context.request.get(url),
    close: () => context.close(),
  };
}

/** The organiser as a directory contact with a phone. */
async function createOrganiser(browser: Browser, baseURL: string, name: string): Promise<void> {
  const api = await secretariatApi(browser, baseURL);
  const created = await api.post('/api/v1/contacts', {
    kind: 'organisation',
    name,
    phones: [{ number: '+687 43 12 34' }],
  });
  expect(created.status(), await created.text()).toBe(201);
  await api.close();
}

/** An invitation received by post, registered as incoming mail of type « Invitation »; its id. */
async function registerInvitationLetter(browser: Browser, baseURL: string, subject: string, writer: string) {
  const api = await secretariatApi(browser, baseURL);
  const types = (await (await api.get('/api/v1/correspondence/types?limit=100')).json()) as {
    data: { id: string; code: string }[];
  };
  const type = types.data.find((t) => t.code === 'invitation');
  expect(type, 'the demo’s « invitation » type').toBeDefined();
  const item = await api.post('/api/v1/correspondence', {
    direction: 'in',
    channel: 'postal',
    typeId: type?.id,
    subject,
    sender: { name: writer, address: '5 rue du Port, 98809 Mont-Dore' },
  });
  expect(item.status(), await item.text()).toBe(201);
  const { id } = (await item.json()) as { id: string };
  await api.close();
  return id;
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
  await secretariat.goto('/agenda');
  await secretariat
    .getByRole('navigation', { name: 'Autres pages de l’agenda' })
    .getByRole('link', { name: 'Invitations reçues' })
    .click();
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
  await secretariat.getByRole('combobox', { name: 'Quartier' }).click();
  await secretariat.getByRole('option', { name: 'Boulari', exact: true }).click();
  await secretariat.getByRole('textbox', { name: 'Cadeau' }).fill('Livre sur le Mont-Dore');
  await secretariat.getByRole('button', { name: 'Enregistrer la fiche' }).click();
  await expect(secretariat.getByText('Fiche enregistrée.')).toBeVisible();
  await expect(secretariat.getByRole('heading', { name: 'Demandes en cours du quartier : Boulari' })).toBeVisible();
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

test('une invitation reçue par courrier, déclinée avec sa lettre au registre des départs ; les représentations et les abonnements', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const base = baseURL ?? '';
  const stamp = Date.now();
  const subject = `Invitation au gala de l’association Vallon-Dore ${stamp}`;
  const writer = `Association Vallon-Dore Solidarité ${stamp}`;
  const itemId = await registerInvitationLetter(browser, base, subject, writer);
  const day = tomorrowInNoumea();

  // From the letter's page, the invitation is created with its subject and writer.
  const secretariat = await as(browser, base, 'secretariat');
  await secretariat.goto(`/correspondence/items/${itemId}`);
  await expect(secretariat.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  await secretariat.getByRole('link', { name: 'Créer l’invitation' }).click();
  await expect(secretariat.getByRole('heading', { level: 1, name: 'Enregistrer une invitation' })).toBeVisible();
  await expect(secretariat.getByRole('textbox', { name: /^Intitulé/ })).toHaveValue(subject);
  await expect(secretariat.getByRole('textbox', { name: /^Organisateur \(nom\)/ })).toHaveValue(writer);
  await secretariat.getByLabel(/^Date/).fill(day);
  await secretariat.getByLabel(/^Répondre avant le/).fill(day);
  await expectAccessible(secretariat, 'le formulaire rempli depuis le courrier');
  await secretariat.getByRole('button', { name: 'Enregistrer l’invitation' }).click();
  await expect(secretariat.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  await expect(secretariat.getByRole('link', { name: 'Voir le courrier d’invitation' })).toBeVisible();

  // Declined: the reply letter is registered as outgoing mail and downloadable.
  await secretariat.getByRole('textbox', { name: /Motif du refus/ }).fill('Le Maire sera en déplacement à Nouméa.');
  await secretariat.getByRole('button', { name: 'Décliner' }).click();
  await expect(
    secretariat.getByText('Invitation déclinée : la lettre de réponse est enregistrée au départ.').first(),
  ).toBeVisible();
  await expect(secretariat.getByRole('link', { name: 'Lettre PDF' })).toHaveAttribute(
    'href',
    /decline-letter\?format=pdf$/,
  );
  await expectAccessible(secretariat, 'l’invitation déclinée');
  await secretariat.getByRole('link', { name: 'Voir la lettre au registre des départs' }).click();
  await expect(secretariat.getByRole('heading', { level: 1, name: /Votre invitation/ })).toBeVisible();
  await expect(secretariat.getByText(/^\d{4}-D-\d+$/)).toBeVisible();
  // The letter's page now leads to its invitation.
  await secretariat.goto(`/correspondence/items/${itemId}`);
  await expect(secretariat.getByRole('link', { name: 'Voir l’invitation' })).toBeVisible();

  // The representation report and the calendar feeds.
  await secretariat.goto('/agenda/invitations/representation');
  await expect(secretariat.getByRole('heading', { level: 1, name: 'Représentations du Maire' })).toBeVisible();
  await expect(secretariat.getByText(/représentations? du/)).toBeVisible();
  await expectAccessible(secretariat, 'le rapport des représentations');
  await secretariat.goto('/agenda/feeds');
  await expect(secretariat.getByRole('heading', { level: 1, name: 'Abonnements aux agendas' })).toBeVisible();
  const feed = secretariat.getByRole('region', { name: /^Agenda de Paul Néhoué/ });
  await feed.getByRole('button', { name: 'Créer l’adresse' }).click();
  await expect(feed.getByRole('textbox', { name: /^Adresse secrète/ })).toHaveValue(
    /\/api\/v1\/calendars\/[\w-]{43}\.ics$/,
  );
  await secretariat.getByRole('button', { name: /Google Agenda/ }).click();
  await expect(secretariat.getByText('Choisissez « À partir de l’URL » et collez l’adresse.')).toBeVisible();
  await expectAccessible(secretariat, 'les abonnements aux agendas');
  await secretariat.context().close();
});
