import AxeBuilder from '@axe-core/playwright';
import { WCAG_2_A_AA, wcagViolations } from '../support/accessibility';
import { expect, expectAccessible, test } from '../support/fixtures';

// The journeys' accessibility check runs axe in the page itself rather than through
// AxeBuilder: these pin that it finds what AxeBuilder finds, and that it still fails.
const FLAWED_PAGE = `<!doctype html><html lang="fr"><head><title>Essai</title></head><body><main>
  <h1>Essai</h1>
  <p style="color:#bbb;background:#fff">Texte trop pâle</p>
  <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
  <button></button>
  <a href="/ailleurs"></a>
</main></body></html>`;

test('le contrôle d’accessibilité relève les mêmes défauts qu’AxeBuilder', async ({ page }) => {
  await page.setContent(FLAWED_PAGE);
  const ours = (await wcagViolations(page)).map((v) => v.id).sort();
  const builder = (await new AxeBuilder({ page }).withTags(WCAG_2_A_AA).analyze()).violations.map((v) => v.id).sort();
  expect(ours).toEqual(builder);
  expect(ours).toEqual(expect.arrayContaining(['button-name', 'color-contrast', 'image-alt', 'link-name']));
  // A second call reuses the axe already in the page and judges the page as it now is.
  await page.evaluate(() => {
    for (const el of document.querySelectorAll('img, button, a')) el.remove();
  });
  expect((await wcagViolations(page)).map((v) => v.id)).toEqual(['color-contrast']);
});

test('le contrôle d’accessibilité échoue sur une violation grave', async ({ page }) => {
  await page.setContent(FLAWED_PAGE);
  await expect(expectAccessible(page, 'la page d’essai')).rejects.toThrow(/image-alt \(critical\)/);
});
