import { type Browser, test as base, expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD, emailOf } from './demo';

export { expectAccessible } from './accessibility';

/** Signs in through the form, as a person would. */
export async function signIn(page: Page, login: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Adresse électronique').fill(emailOf(login));
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/**
 * A page in a browser context of its own: nothing shared with the others (cookies, storage),
 * as another browser or computer would be. Close its context when done.
 */
export async function newBrowserPage(
  browser: Browser,
  options: { baseURL?: string | undefined; viewport?: { width: number; height: number } | null },
): Promise<Page> {
  // Reduced motion: axe must not judge contrast halfway through a transition.
  const context = await browser.newContext({
    baseURL: options.baseURL,
    locale: 'fr-FR',
    viewport: options.viewport ?? null,
    reducedMotion: 'reduce',
  });
  return context.newPage();
}

// @axe-core/playwright needs pages of a context made by browser.newContext().
export const test = base.extend<{ page: Page }>({
  page: async ({ browser, baseURL, viewport }, use) => {
    const page = await newBrowserPage(browser, { baseURL, viewport });
    await use(page);
    await page.context().close();
  },
});

export { expect };
