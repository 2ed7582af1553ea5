import { expect, expectAccessible, newBrowserPage, signIn, test } from '../support/fixtures';
import { createMember } from '../support/members';

// A person of their own: the language is kept with the account, and every other journey
// expects French for the demo accounts.
test('la langue choisie suit la personne sur un autre navigateur', async ({ page, request, baseURL, browser }) => {
  test.setTimeout(60_000);
  const { login, name, password } = await createMember(request, baseURL ?? '', {
    login: `langue.${Date.now()}`,
    name: 'Mathilde Wamytan',
    role: 'advisor',
  });

  // First browser: switch to English, saved to the account.
  await signIn(page, login, password);
  await expect(page.getByRole('heading', { level: 1, name: `Bonjour, ${name}` })).toBeVisible();
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/me') && r.request().method() === 'PATCH');
  await page.getByRole('button', { name: 'English' }).click();
  expect((await saved).status()).toBe(204);
  await expect(page.getByRole('heading', { level: 1, name: `Hello, ${name}` })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectAccessible(page, 'l’accueil en anglais');

  // Signed out, this browser's sign-in page stays in English.
  await page.getByRole('button', { name }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expectAccessible(page, 'la page de connexion en anglais');

  // Another browser (nothing stored there): French until signed in, then the account's English.
  const other = await newBrowserPage(browser, { baseURL });
  try {
    await signIn(other, login, password);
    await expect(other.getByRole('heading', { level: 1, name: `Hello, ${name}` })).toBeVisible();
    await expect(other.locator('html')).toHaveAttribute('lang', 'en');
    await expect(
      other.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Home' }),
    ).toBeVisible();
    await expectAccessible(other, 'l’accueil en anglais sur un autre navigateur');

    // Back to French, saved too: a reload asks the account again.
    const back = other.waitForResponse((r) => r.url().endsWith('/api/v1/me') && r.request().method() === 'PATCH');
    await other.getByRole('button', { name: 'Français' }).click();
    expect((await back).status()).toBe(204);
    await expect(other.getByRole('heading', { level: 1, name: `Bonjour, ${name}` })).toBeVisible();
    await other.reload();
    await expect(other.getByRole('heading', { level: 1, name: `Bonjour, ${name}` })).toBeVisible();
    await expect(other.locator('html')).toHaveAttribute('lang', 'fr');
    await expectAccessible(other, 'l’accueil de nouveau en français');
  } finally {
    await other.context().close();
  }
});
