import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The web shows audit actions through i18n (audit.actions.<code>); an action written by the
// server without a label would show its raw code to users. This test reads both sides.

const SERVER_SRC = new URL('../../', import.meta.url).pathname;
const I18N = new URL('../../../../web/src/i18n/', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

function actionsWritten(): Set<string> {
  const found = new Set<string>();
  for (const file of sourceFiles(SERVER_SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\baction: '([a-z_]+(?:\.[a-z_]+)+)'/g)) found.add(m[1] as string);
    // The correspondence circuit audits through moveItem(tx, actor, row, status, action, …).
    for (const m of text.matchAll(/moveItem\(\s*tx,\s*actor,\s*\w+,\s*'[a-z_]+',\s*'([a-z_]+\.[a-z_]+)'/g)) {
      found.add(m[1] as string);
    }
    // Actions chosen by a ternary: `const action = … ? 'member.disable' : …`.
    for (const m of text.matchAll(/const action =([^;]+);/g)) {
      for (const lit of (m[1] as string).matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)) found.add(lit[1] as string);
    }
  }
  return found;
}

describe('audit action labels', () => {
  it('finds the actions the server writes', () => {
    expect([...actionsWritten()]).toEqual(
      expect.arrayContaining(['member.create', 'member.disable', 'session.sign_in']),
    );
  });

  for (const lang of ['fr', 'en']) {
    it(`labels every action in ${lang}`, () => {
      const labels = (
        JSON.parse(readFileSync(join(I18N, `${lang}.json`), 'utf8')) as { audit: { actions: Record<string, string> } }
      ).audit.actions;
      const missing = [...actionsWritten()].filter((a) => !labels[a]);
      expect(missing).toEqual([]);
    });
  }
});
