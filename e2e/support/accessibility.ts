import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import type { AxeResults, Result } from 'axe-core';

/** The rules the journeys hold every page to: WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_2_A_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Fails on any serious or critical WCAG 2.x A/AA violation of the page as it stands. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = await wcagViolations(page);
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = blocking.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join('; ')}`,
  );
  expect(report, `axe on ${what}`).toEqual([]);
}

/**
 * The same rules on the same page as `new AxeBuilder({ page }).withTags(…).analyze()`, at a
 * fraction of the cost. AxeBuilder evaluates axe's 560 KB source in the page on every call, then
 * again in a blank page it opens to merge the frames' results: 2 s a call with one worker
 * (measured on the home page; axe.run itself took 0.2-0.3 s), and this suite checks about 130
 * pages. The app shows no frames, so axe.run in the page sees all of it, and its source is
 * evaluated once per document (the app routes without reloading). A page that does hold frames
 * goes through AxeBuilder, which reaches into them.
 */
export async function wcagViolations(page: Page): Promise<Result[]> {
  if (page.frames().length > 1) {
    return (await new AxeBuilder({ page }).withTags(WCAG_2_A_AA).analyze()).violations;
  }
  // Not `'axe' in window`: an element with id="axe" would answer for it.
  const loaded = await page.evaluate(
    () => typeof (window as unknown as { axe?: { run?: unknown } }).axe?.run === 'function',
  );
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<AxeResults> } }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return results.violations;
  }, WCAG_2_A_AA);
}
