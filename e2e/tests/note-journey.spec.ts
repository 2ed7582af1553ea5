import type { Browser, Page } from '@playwright/test';
import { DEMO_PASSWORD, emailOf } from '../support/demo';
import { expect, expectAccessible, newBrowserPage, signIn, test } from '../support/fixtures';

// Issue 6's journey: the director of cabinet writes a note to the mayor and asks two
// services for their sections; the directrice générale des services (the demo's services
// account, in no service of the directory: asked in person) and an agent of the technical
// services (this run's own, created by the admin) write theirs; the cabinet head reviews
// the versions and validates; the note reaches the mayor's reading folder; the mayor reads,
// annotates and answers with a decision whose two actions become the services' tasks.

const SERVICE = 'Services techniques';
const DGS = 'Christine Rolland';

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
  const login = `agent.notes.${Date.now()}`;
  const password = 'mot-de-passe-solide-2026';
  const created = await request.post('/api/v1/members', {
    headers,
    data: { name: 'Agent des bâtiments', email: emailOf(login), role: 'services', serviceId: service?.id, password },
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

async function openNotes(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Notes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notes' })).toBeVisible();
}

/** Picks an option of a Mantine select (typing part of its name when it searches). */
async function choose(page: Page, label: string | RegExp, typed: string, option: RegExp): Promise<void> {
  const box = page.getByRole('textbox', { name: label }).or(page.getByRole('combobox', { name: label }));
  await box.first().click();
  // A searchable select filters by what is typed; a plain one only opens its list.
  if (await box.first().isEditable()) {
    await box.first().fill(typed);
    // A people picker keeps showing the previous search until the server answers (debounced):
    // a click on that list can land where the new, shorter list no longer is, and pick nobody.
    // A person waits for the list to show what they typed; so does the journey.
    await expect(page.getByRole('option').filter({ hasNotText: new RegExp(typed, 'i') })).toHaveCount(0);
  }
  await page.getByRole('option', { name: option }).first().click();
  await expect(box.first()).toHaveValue(option);
}

/** A day from today in Nouméa, as YYYY-MM-DD. */
const day = (offset: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Noumea' }).format(new Date(Date.now() + offset * 86_400_000));

/** The contributor opens the section asked of them and hands it in. */
async function writeSection(page: Page, title: string, text: string, what: string): Promise<void> {
  await openNotes(page);
  await page
    .getByRole('navigation', { name: 'Pages des notes' })
    .getByRole('link', { name: 'Mes contributions' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mes contributions' })).toBeVisible();
  await expectAccessible(page, `les contributions demandées (${what})`);
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Contribution à la note « ${title} »` })).toBeVisible();
  const editor = page.getByRole('textbox', { name: 'Votre contribution' });
  await editor.click();
  await editor.fill(text);
  await expectAccessible(page, `la contribution à écrire (${what})`);
  await page.getByRole('button', { name: 'Remettre la contribution' }).click();
  await expect(page.getByText('Contribution remise à l’auteur de la note.')).toBeVisible();
}

test('une note : deux contributions des services, relecture, validation, parapheur du maire, décision et tâches', async ({
  browser,
  baseURL,
}) => {
  // Five people, a dozen pages, an axe pass on each.
  test.setTimeout(300_000);
  const base = baseURL ?? '';
  const title = `Cantine de Boulari : solution pour la rentrée ${Date.now()}`;

  // The director of cabinet writes the note from the organisation's template.
  const dircab = await as(browser, base, 'dircab');
  await openNotes(dircab);
  await expectAccessible(dircab, 'la liste des notes');
  await dircab.getByRole('link', { name: 'Nouvelle note' }).click();
  await expect(dircab.getByRole('heading', { level: 1, name: 'Nouvelle note' })).toBeVisible();
  await dircab.getByRole('textbox', { name: 'Objet' }).fill(title);
  await choose(dircab, 'Destinataire', 'Boyer', /Hélène Boyer/);
  await choose(dircab, 'Modèle', 'Note', /Note au maire/);
  await expectAccessible(dircab, 'le formulaire de nouvelle note');
  await dircab.getByRole('button', { name: 'Créer la note' }).click();
  await expect(dircab.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const body = dircab.getByRole('textbox', { name: 'Texte de la note' });
  // The template's headings are the starting text.
  await expect(body.getByRole('heading', { name: 'Décision attendue' })).toBeVisible();
  await body.click();
  await dircab.keyboard.press('Control+End');
  await dircab.keyboard.type('Les travaux de la cantine ne seront pas finis pour la rentrée de février.');
  await expectAccessible(dircab, 'l’éditeur de la note');
  await dircab.getByRole('button', { name: 'Enregistrer le texte' }).click();
  // The author's saves amend their version until the note moves on in the circuit.
  await expect(dircab.getByText('Texte enregistré (version 1).')).toBeVisible();

  // Two contributions: the DGS in person, and the technical services.
  await dircab.getByRole('button', { name: 'Demander une contribution' }).click();
  await dircab.getByText('Une personne', { exact: true }).click();
  await choose(dircab, 'Personne', 'Rolland', new RegExp(DGS));
  await dircab.getByRole('textbox', { name: 'Question posée' }).fill('Quel calendrier de travaux et quel coût ?');
  await dircab.getByLabel('À rendre le').fill(day(5));
  await expectAccessible(dircab, 'la demande de contribution');
  await dircab.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(dircab.getByText(/Contribution demandée/)).toBeVisible();
  await dircab.getByRole('button', { name: 'Demander une contribution' }).click();
  await choose(dircab, 'Service', 'techn', new RegExp(SERVICE));
  await dircab.getByRole('textbox', { name: 'Question posée' }).fill('Quelle solution provisoire pour les repas ?');
  await dircab.getByLabel('À rendre le').fill(day(4));
  await dircab.getByRole('button', { name: 'Envoyer la demande' }).click();
  const contributions = dircab.getByRole('region', { name: 'Contributions des services' });
  await expect(contributions.getByText('Demandée', { exact: true })).toHaveCount(2);

  // Each contributor writes their section in their own view.
  const dgs = await as(browser, base, 'dgs');
  await writeSection(dgs, title, 'Travaux achevés fin mars ; surcoût estimé à 4 millions XPF.', 'la DGS');
  const agentAccount = await createServiceAgent(browser, base);
  const agent = await as(browser, base, agentAccount.login, agentAccount.password);
  await writeSection(
    agent,
    title,
    'Repas livrés par la cuisine centrale de Plum jusqu’à la fin des travaux.',
    'l’agent',
  );

  // The director merges both sections and submits the note for review.
  await dircab.reload();
  await expect(contributions.getByText('Remise', { exact: true })).toHaveCount(2);
  await expectAccessible(dircab, 'les contributions remises');
  for (let i = 0; i < 2; i++) {
    await contributions.getByRole('button', { name: 'Intégrer au texte' }).first().click();
    await expect(contributions.getByText('Intégrée', { exact: true })).toHaveCount(i + 1);
  }
  await expect(dircab.getByRole('textbox', { name: 'Texte de la note' })).toContainText('cuisine centrale de Plum');
  await dircab.getByRole('button', { name: 'Soumettre à la relecture' }).click();
  await expect(dircab.getByText('En relecture', { exact: true })).toBeVisible();

  // The cabinet head finds it to review, compares the versions and validates.
  const chefcab = await as(browser, base, 'chefcab');
  await openNotes(chefcab);
  await chefcab.getByRole('button', { name: 'À relire' }).click();
  await chefcab.getByRole('link', { name: title }).click();
  await expect(chefcab.getByRole('heading', { level: 1, name: title })).toBeVisible();
  // Her correction opens version 2, the first one after the submission.
  const text = chefcab.getByRole('textbox', { name: 'Texte de la note' });
  await text.click();
  await chefcab.keyboard.press('Control+End');
  await chefcab.keyboard.type(' Avis du cabinet : favorable.');
  // She pauses: the editor saves on its own (15 s after the last keystroke).
  await expect(chefcab.getByText(/^Enregistré automatiquement le/)).toBeVisible({ timeout: 30_000 });
  await expect(chefcab.getByText(/· version 2$/)).toBeVisible();
  const versions = chefcab.getByRole('region', { name: 'Versions' });
  await versions.getByRole('button', { name: 'Afficher les différences' }).click();
  await expect(chefcab.getByTestId('note-diff').locator('ins')).toContainText('Avis du cabinet : favorable.');
  await expectAccessible(chefcab, 'la note à relire et ses différences');
  await chefcab.getByRole('button', { name: 'Valider' }).click();
  await expect(chefcab.getByText('Validée', { exact: true })).toBeVisible();
  await chefcab.getByRole('button', { name: 'Transmettre au destinataire' }).click();
  await expect(chefcab.getByText('Transmise', { exact: true }).first()).toBeVisible();
  const exportLink = chefcab.getByRole('link', { name: 'LibreOffice (ODT)' });
  const odt = await chefcab.context().request.get((await exportLink.getAttribute('href')) ?? '');
  expect(odt.status()).toBe(200);
  expect(odt.headers()['content-type']).toContain('opendocument');

  // The mayor finds it in her reading folder, reads, annotates and answers with a decision.
  const mayor = await as(browser, base, 'maire');
  await openNotes(mayor);
  await mayor
    .getByRole('navigation', { name: 'Pages des notes' })
    .getByRole('link', { name: 'Parapheur de lecture' })
    .click();
  await expect(mayor.getByRole('heading', { level: 1, name: 'Parapheur de lecture' })).toBeVisible();
  const entry = mayor.getByRole('article', { name: title });
  await expect(entry.getByText('À lire', { exact: true })).toBeVisible();
  await expectAccessible(mayor, 'le parapheur de lecture');
  await entry.getByRole('link', { name: title }).click();
  await mayor.getByRole('button', { name: 'Marquer comme lue' }).click();
  await expect(mayor.getByText('Lue', { exact: true })).toBeVisible();
  await mayor.getByRole('textbox', { name: 'Passage annoté' }).fill('cuisine centrale de Plum');
  await mayor.getByRole('textbox', { name: 'Annotation' }).fill('Prévenir les parents dès cette semaine.');
  await mayor.getByRole('button', { name: 'Annoter', exact: true }).click();
  await expect(mayor.getByText('Prévenir les parents dès cette semaine.')).toBeVisible();

  await mayor.getByRole('button', { name: 'Répondre par une décision' }).click();
  const decision = 'Repas livrés par la cuisine centrale ; travaux à terminer avant fin mars.';
  await mayor.getByRole('textbox', { name: 'Décision' }).fill(decision);
  await mayor.getByRole('textbox', { name: 'Intitulé de l’action 1' }).fill('Organiser la livraison des repas');
  await choose(mayor, 'Service chargé de l’action 1', 'techn', new RegExp(SERVICE));
  await mayor.getByLabel('Échéance de l’action 1').fill(day(10));
  await mayor.getByRole('button', { name: 'Ajouter une action' }).click();
  await mayor.getByRole('textbox', { name: 'Intitulé de l’action 2' }).fill('Chiffrer le surcoût des travaux');
  await mayor.getByRole('group', { name: 'Action 2' }).getByText('Une personne', { exact: true }).click();
  await choose(mayor, 'Personne chargée de l’action 2', 'Rolland', new RegExp(DGS));
  await mayor.getByLabel('Échéance de l’action 2').fill(day(15));
  await expectAccessible(mayor, 'le formulaire de décision');
  await mayor.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await expect(mayor.getByText('Répondue', { exact: true })).toBeVisible();

  // The decisions follow-up shows the decision and its two actions.
  await mayor.getByRole('link', { name: 'Voir le suivi des décisions' }).click();
  await expect(mayor.getByRole('heading', { level: 1, name: 'Suivi des décisions' })).toBeVisible();
  const followUp = mayor.getByRole('article', { name: decision });
  await expect(followUp.getByText('0 action(s) faite(s) sur 2')).toBeVisible();
  await expect(followUp.getByRole('cell', { name: 'Organiser la livraison des repas' })).toBeVisible();
  await expect(followUp.getByRole('cell', { name: 'Chiffrer le surcoût des travaux' })).toBeVisible();
  await expectAccessible(mayor, 'le suivi des décisions');

  // The two tasks are in the services' task lists: on the tasks page, and through the API.
  const openTasks = async (page: Page, tab: string, task: string) => {
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Tâches' }).click();
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('link', { name: task })).toBeVisible();
    await expectAccessible(page, `${tab} (${task})`);
  };
  await openTasks(agent, 'Tâches de mon service', 'Organiser la livraison des repas');
  await openTasks(dgs, 'Mes tâches', 'Chiffrer le surcoût des travaux');
  const tasksOf = async (page: Page, view: string) => {
    const res = await page.context().request.get(`/api/v1/tasks?view=${view}&linkKind=decision&limit=100`);
    expect(res.status()).toBe(200);
    return ((await res.json()) as { data: { title: string }[] }).data.map((x) => x.title);
  };
  expect(await tasksOf(agent, 'my_service')).toContain('Organiser la livraison des repas');
  expect(await tasksOf(dgs, 'mine')).toContain('Chiffrer le surcoût des travaux');

  for (const p of [dircab, dgs, agent, chefcab, mayor]) await p.context().close();
});

test('les modèles de notes : la cheffe de cabinet en crée un, il sert à la note de son type', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const base = baseURL ?? '';
  const name = `Éléments de langage ${Date.now()}`;
  const chefcab = await as(browser, base, 'chefcab');
  await openNotes(chefcab);
  await chefcab.getByRole('navigation', { name: 'Pages des notes' }).getByRole('link', { name: 'Modèles' }).click();
  await expect(chefcab.getByRole('heading', { level: 1, name: 'Modèles de notes' })).toBeVisible();
  await chefcab.getByRole('button', { name: 'Nouveau modèle' }).click();
  await chefcab.getByRole('textbox', { name: 'Nom du modèle' }).fill(name);
  await choose(chefcab, 'Type de note', 'langage', /Éléments de langage/);
  const text = chefcab.getByRole('textbox', { name: 'Texte de départ' });
  await text.click();
  await text.fill('Message principal. Trois arguments. Questions attendues.');
  await expectAccessible(chefcab, 'le formulaire de modèle');
  await chefcab.getByRole('button', { name: 'Enregistrer le modèle' }).click();
  await expect(chefcab.getByText('Modèle enregistré.')).toBeVisible();
  await expect(chefcab.getByRole('cell', { name, exact: true })).toBeVisible();
  await expectAccessible(chefcab, 'les modèles de notes');

  // The new note of that kind offers it; another kind does not.
  await chefcab.goto('/notes/new');
  const template = chefcab
    .getByRole('textbox', { name: 'Modèle' })
    .or(chefcab.getByRole('combobox', { name: 'Modèle' }));
  await choose(chefcab, 'Type de note', 'langage', /Éléments de langage/);
  await template.first().click();
  await expect(chefcab.getByRole('option', { name, exact: true })).toBeVisible();
  await chefcab.keyboard.press('Escape');
  await choose(chefcab, 'Type de note', 'Discours', /^Discours$/);
  if ((await template.count()) > 0) await template.first().click();
  await expect(chefcab.getByRole('option', { name })).toHaveCount(0);
  await chefcab.context().close();
});
