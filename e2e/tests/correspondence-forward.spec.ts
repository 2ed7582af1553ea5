import { expect, expectAccessible, newBrowserPage, signIn, test } from '../support/fixtures';

// Issue 4, CRPA L.114-2: a request that belongs to another administration is forwarded to
// it from the item's page, and its writer told; the two letters are then there to print.

test('une demande transmise à l’autorité compétente, son auteur avisé, les deux lettres à imprimer', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const page = await newBrowserPage(browser, { baseURL });
  await signIn(page, 'secretariat');
  await expect(page.getByRole('heading', { level: 1, name: /^Bonjour/ })).toBeVisible({ timeout: 30_000 });
  const stamp = Date.now();
  // The item is this run's own (the database is shared with the other journeys).
  const created = await page.request.post('/api/v1/correspondence', {
    headers: { origin: baseURL ?? '' },
    data: {
      direction: 'in',
      channel: 'email',
      subject: `Renouvellement de titre de séjour ${stamp}`,
      body: 'Je sollicite votre aide pour le renouvellement du titre de séjour de mon épouse.',
      sender: { name: `Paul Wéa ${stamp}`, email: `paul.wea.${stamp}@example.nc` },
    },
  });
  expect(created.status()).toBe(201);
  const item = (await created.json()) as { id: string };

  await page.goto(`/correspondence/items/${item.id}`);
  await expect(
    page.getByRole('heading', { level: 1, name: `Renouvellement de titre de séjour ${stamp}` }),
    // A first visit loads the correspondence pages' code.
  ).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Aucun accusé de réception n’a encore été délivré.')).toBeVisible();
  await page.getByRole('button', { name: 'Transmettre à l’autorité compétente' }).click();
  const dialog = page.getByRole('dialog', { name: 'Transmettre à l’autorité compétente' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(`L’auteur sera avisé par courriel à paul.wea.${stamp}@example.nc.`)).toBeVisible();
  await expectAccessible(page, 'la transmission à l’autorité compétente');
  await dialog
    .getByRole('textbox', { name: 'Nom de l’autorité compétente' })
    .fill('Haut-commissariat de la République');
  await dialog
    .getByRole('textbox', { name: 'Adresse postale de l’autorité' })
    .fill('1 avenue du Maréchal Foch\n98800 Nouméa');
  await dialog
    .getByRole('textbox', { name: 'Mot pour l’autorité (dans la lettre de transmission)' })
    .fill('Les titres de séjour relèvent des services de l’État.');
  await dialog.getByRole('button', { name: 'Transmettre', exact: true }).click();

  // Two letters registered (and rendered as PDF for the emails) in one request.
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  const writerPdf = page.getByRole('link', { name: 'Lettre à l’auteur en PDF' });
  await expect(writerPdf).toBeVisible();
  await expectAccessible(page, 'un courrier transmis');
  const letter = await page.request.get((await writerPdf.getAttribute('href')) ?? '');
  expect(letter.status()).toBe(200);
  expect(letter.headers()['content-type']).toContain('application/pdf');
  const cover = await page.request.get(
    (await page.getByRole('link', { name: 'Lettre à l’autorité en ODT' }).getAttribute('href')) ?? '',
  );
  expect(cover.headers()['content-type']).toContain('opendocument.text');
  await page.context().close();
});
