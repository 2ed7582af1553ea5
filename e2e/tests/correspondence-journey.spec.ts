import type { Browser, Page } from '@playwright/test';
import { DEMO_PASSWORD, emailOf } from '../support/demo';
import { expect, expectAccessible, newBrowserPage, signIn, test } from '../support/fixtures';

// Issue 4's journey: a phone call registered by the secretariat, routed in at most three
// actions from the inbox, answered by the routed service, reviewed by the director of
// cabinet, signed by the mayor, sent and closed. Two workers share one database: the item
// and the service's agent are this run's own.

const SERVICE = 'Services techniques';

/** A services agent of the technical services, created by the admin through the API. */
async function createServiceAgent(browser: Browser, baseURL: string): Promise<{ login: string; password: string }> {
  const context = await browser.newContext({ baseURL });
  const request = context.request;
  const headers = { origin: baseURL };
  const signedIn = await request.post('/api/auth/sign-in/email', {
    headers,
    data: { email: emailOf('admin'), password: DEMO_PASSWORD },
  });
  expect(signedIn.ok()).toBe(true);
  const services = await request.get('/api/v1/services?limit=100');
  const { data } = (await services.json()) as { data: { id: string; name: string }[] };
  const service = data.find((s) => s.name === SERVICE);
  expect(service, SERVICE).toBeDefined();
  const login = `agent.voirie.${Date.now()}`;
  const password = 'mot-de-passe-solide-2026';
  const created = await request.post('/api/v1/members', {
    headers,
    data: { name: 'Agent de la voirie', email: emailOf(login), role: 'services', serviceId: service?.id, password },
  });
  expect(created.status()).toBe(201);
  await context.close();
  return { login, password };
}

async function as(browser: Browser, baseURL: string, login: string, password?: string): Promise<Page> {
  const page = await newBrowserPage(browser, { baseURL });
  await signIn(page, login, password);
  // The first page of a fresh server (migrations, demo seed, jobs at start) can take a while.
  await expect(page.getByRole('heading', { level: 1, name: /^Bonjour/ })).toBeVisible({ timeout: 30_000 });
  return page;
}

async function openCourrier(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Courrier' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Courrier' })).toBeVisible();
}

async function openQueue(page: Page, queue: RegExp): Promise<void> {
  await page.getByRole('navigation', { name: 'Files de courrier' }).getByRole('button', { name: queue }).click();
}

test('un appel téléphonique : enregistré, imputé en trois actions au plus, répondu, visé, signé, envoyé, clos', async ({
  browser,
  baseURL,
}) => {
  // Five people, a dozen pages, an axe pass on each.
  test.setTimeout(240_000);
  const base = baseURL ?? '';
  const stamp = Date.now();
  const subject = `Nid-de-poule rue des Acacias ${stamp}`;

  // The secretariat registers the call.
  const secretariat = await as(browser, base, 'secretariat');
  await openCourrier(secretariat);
  await expect(secretariat.getByRole('table')).toBeVisible();
  await expectAccessible(secretariat, 'la boîte du courrier');
  await secretariat.getByRole('link', { name: 'Enregistrer un courrier' }).click();
  await expect(secretariat.getByRole('heading', { level: 1, name: 'Enregistrer un courrier' })).toBeVisible();
  await secretariat.getByRole('radio', { name: 'Téléphone' }).check();
  await secretariat.getByRole('textbox', { name: 'Nom de l’expéditeur' }).fill(`Jean Wamytan ${stamp}`);
  await secretariat.getByRole('textbox', { name: 'Téléphone' }).fill('+687 28 12 34');
  await secretariat.getByRole('textbox', { name: 'Adresse postale' }).fill('12 rue des Acacias, 98809 Mont-Dore');
  await secretariat.getByRole('textbox', { name: 'Objet', exact: true }).fill(subject);
  await secretariat
    .getByRole('textbox', { name: 'Texte du courrier' })
    .fill('Un nid-de-poule dangereux devant le numéro 12 depuis les pluies.');
  await secretariat.getByRole('combobox', { name: 'Thème' }).fill('voirie');
  await secretariat.keyboard.press('Escape');
  await expectAccessible(secretariat, 'le formulaire d’enregistrement');
  await secretariat.getByRole('button', { name: 'Enregistrer le courrier' }).click();
  await expect(secretariat.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  await expect(secretariat.getByText(/Courrier enregistré sous le numéro \d{4}-A-\d{6}\./)).toBeVisible();
  const number =
    (await secretariat
      .getByText(/^\d{4}-A-\d{6}$/)
      .first()
      .textContent()) ?? '';
  expect(number).toMatch(/^\d{4}-A-\d{6}$/);
  await expectAccessible(secretariat, 'le courrier enregistré');
  // The acknowledgement letter downloads (the session's cookie rides with the page's requests).
  const ackLink = secretariat.getByRole('link', { name: 'Accusé de réception (PDF)' });
  const ack = await secretariat.context().request.get((await ackLink.getAttribute('href')) ?? '');
  expect(ack.status()).toBe(200);
  expect(ack.headers()['content-type']).toContain('application/pdf');

  // Routing from the inbox row, actions counted: open the item, « Imputer comme suggéré ».
  await secretariat.getByRole('link', { name: 'Retour au courrier' }).click();
  await openQueue(secretariat, /À imputer/);
  const row = secretariat.getByRole('link', { name: number });
  await expect(row).toBeVisible();
  let actions = 0;
  await row.click();
  actions++;
  await expect(secretariat.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  await expect(secretariat.getByText(SERVICE).first()).toBeVisible();
  await secretariat.getByRole('button', { name: 'Imputer comme suggéré' }).click();
  actions++;
  await expect(secretariat.getByText('Imputé', { exact: true })).toBeVisible();
  expect(actions).toBeLessThanOrEqual(3);
  await expectAccessible(secretariat, 'le courrier imputé');

  // The technical services' agent takes it on and drafts the reply.
  const agentAccount = await createServiceAgent(browser, base);
  const agent = await as(browser, base, agentAccount.login, agentAccount.password);
  await openCourrier(agent);
  await openQueue(agent, /Mon service/);
  await agent.getByRole('link', { name: number }).click();
  await agent.getByRole('button', { name: 'Prendre en charge' }).click();
  await expect(agent.getByText('En cours', { exact: true })).toBeVisible();
  await agent.getByRole('button', { name: 'Rédiger la réponse' }).click();
  const editor = agent.getByLabel('Texte de la réponse', { exact: true });
  await editor.click();
  await editor.fill('Madame, Monsieur, les services techniques reboucheront la chaussée cette semaine.');
  await expectAccessible(agent, 'l’éditeur de réponse');
  await agent.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(agent.getByText('Réponse rédigée', { exact: true })).toBeVisible();

  // The agent sends it for the director of cabinet's visa: the reviewers' search offers only
  // the members who may give a visa, and is open to a service.
  const reviewers = agent.getByRole('combobox', { name: 'Relecteurs (visa)' });
  await reviewers.fill('Marchal');
  await agent.getByRole('option', { name: /Julien Marchal/ }).click();
  await agent.keyboard.press('Escape');
  await expectAccessible(agent, 'le choix des relecteurs');
  await agent.getByRole('button', { name: 'Soumettre au visa' }).click();
  await expect(agent.getByText('En relecture', { exact: true })).toBeVisible();

  // The director of cabinet reviews.
  const dircab = await as(browser, base, 'dircab');
  await openCourrier(dircab);
  await openQueue(dircab, /À relire/);
  await dircab.getByRole('link', { name: number }).click();
  await expectAccessible(dircab, 'la réponse à viser');
  await dircab.getByRole('button', { name: 'Viser' }).click();
  await expect(dircab.getByText('À signer', { exact: true }).first()).toBeVisible();

  // The mayor signs in the signature book.
  const mayor = await as(browser, base, 'maire');
  await openCourrier(mayor);
  await mayor.getByRole('link', { name: 'Parapheur' }).click();
  await expect(mayor.getByRole('heading', { level: 1, name: 'Parapheur' })).toBeVisible();
  const entry = mayor.getByRole('article', { name: new RegExp(number) });
  await expect(entry.getByText(/reboucheront la chaussée/)).toBeVisible();
  await expectAccessible(mayor, 'le parapheur');
  await entry.getByRole('button', { name: 'Signer' }).click();
  await expect(mayor.getByText('Réponse signée.')).toBeVisible();

  // The secretariat sends it by post (a phone call has no address to email) and closes it.
  await secretariat.reload();
  const letterLink = secretariat.getByRole('link', { name: 'Lettre (PDF)' });
  const letter = await secretariat.context().request.get((await letterLink.getAttribute('href')) ?? '');
  expect(letter.status()).toBe(200);
  expect(letter.headers()['content-type']).toContain('application/pdf');
  await secretariat.getByRole('button', { name: 'Envoyer par courrier postal' }).click();
  await expect(secretariat.getByText('Envoyé', { exact: true })).toBeVisible();
  await expect(secretariat.getByText(/Courrier départ : \d{4}-D-\d{6}/)).toBeVisible();
  await secretariat.getByRole('button', { name: 'Clore', exact: true }).click();
  await expect(secretariat.getByText('Clos', { exact: true })).toBeVisible();
  await expectAccessible(secretariat, 'le courrier clos');

  for (const p of [secretariat, agent, dircab, mayor]) await p.context().close();
});

test('au clavier, sur téléphone : i puis Entrée imputent comme suggéré', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const base = baseURL ?? '';
  const page = await newBrowserPage(browser, { baseURL: base, viewport: { width: 375, height: 740 } });
  await signIn(page, 'secretariat');
  await expect(page.getByRole('heading', { level: 1, name: /^Bonjour/ })).toBeVisible({ timeout: 30_000 });
  // The item, registered through the API (the form has its own journey above).
  const created = await page.context().request.post('/api/v1/correspondence', {
    headers: { origin: base },
    data: {
      direction: 'in',
      channel: 'email',
      subject: `Lampadaire éteint allée des Niaoulis ${Date.now()}`,
      body: 'Le lampadaire ne s’allume plus depuis une semaine.',
      sender: { name: 'Marie Gope', email: 'marie.gope@exemple.nc' },
      topic: 'éclairage public',
    },
  });
  expect(created.status()).toBe(201);
  const { registrationNumber: number } = (await created.json()) as { registrationNumber: string };

  await page.goto(`/correspondence?queue=to_route&q=${encodeURIComponent(number)}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Courrier' })).toBeVisible();
  await expect(page.getByRole('link', { name: number })).toBeVisible();
  // The table scrolls inside its region; the page itself never scrolls sideways.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page, 'la boîte du courrier sur téléphone');

  // « t » tags the row: the picker, then the tag as an outline badge on the row.
  await page.keyboard.press('t');
  const picker = page.getByRole('dialog', { name: `Étiquettes du courrier ${number}` });
  await expect(picker).toBeVisible();
  await picker.getByLabel('Étiquettes', { exact: true }).fill('Éclairage public');
  await page.keyboard.press('Enter');
  // Tab leaves the field: suggestions of other tags would otherwise cover the buttons.
  await page.keyboard.press('Tab');
  await expectAccessible(page, 'le choix des étiquettes');
  await picker.getByRole('button', { name: 'Enregistrer les étiquettes' }).click();
  await expect(picker).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Étiquettes' }).getByText('Éclairage public')).toBeVisible();
  await expectAccessible(page, 'la boîte du courrier avec une étiquette');

  // Two key presses from the row (the first, active one) to routed.
  let actions = 0;
  await page.keyboard.press('i');
  actions++;
  const dialog = page.getByRole('dialog', { name: 'Imputer le courrier' });
  await expect(dialog.getByText(/Services techniques · pour action/)).toBeVisible();
  await expectAccessible(page, 'l’imputation au clavier');
  await page.keyboard.press('Enter');
  actions++;
  await expect(dialog).toHaveCount(0);
  expect(actions).toBeLessThanOrEqual(3);
  await expect(page.getByText(`Courrier ${number} imputé.`)).toBeVisible();

  // « ? » lists the shortcuts.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Raccourcis clavier du courrier' })).toBeVisible();
  await expectAccessible(page, 'les raccourcis clavier');
  await page.context().close();
});
