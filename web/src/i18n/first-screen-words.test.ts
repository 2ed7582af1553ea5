import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { FRENCH_OF_FIRST_SCREENS } from './module-dictionaries';

const SRC = resolve(import.meta.dirname, '..');

// Where the first screens start: the entry (sign-in), the signed-in shell and the inbox's
// module, each loaded with what it imports statically (what the bundle measure counts).
// The inbox's toolbar and dialogs, fetched when first used, wait for no other words either.
const FIRST_SCREENS = [
  'main.tsx',
  'app/shell/SignedInApp.tsx',
  'modules/correspondence/CorrespondencePage.tsx',
  'modules/correspondence/BulkActions.tsx',
  'modules/correspondence/RouteModal.tsx',
  'modules/correspondence/SaveViewModal.tsx',
  'modules/correspondence/ShortcutsModal.tsx',
  'modules/correspondence/tags/TagPicker.tsx',
  'app/shell/CommandPalette.tsx',
  'app/toasts/Toasts.tsx',
];

function resolveSource(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  return null;
}

/** The app's source files the first screens load statically (dynamic `import()` left out). */
function firstScreenSources(): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/^import\s+(?!type\s)(?:[\s\S]*?\sfrom\s+)?'(\.[^']+)';/gm)) {
      const found = resolveSource(file, m[1] as string);
      if (found) visit(found);
    }
  };
  for (const entry of FIRST_SCREENS) visit(join(SRC, entry));
  return seen;
}

/** The dictionary namespaces a source file names in its keys (`t('inbox.x')`, t(`roles.${r}`)). */
function namespacesIn(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  return [...code.matchAll(/\bt\(\s*['`]([a-zA-Z]+)\./g)].map((m) => m[1] as string);
}

describe('the first screens’ words', () => {
  it('are all in the first bundle’s dictionary: sign-in, shell and inbox never wait for the modules’ words', () => {
    const sources = firstScreenSources();
    expect([...sources].some((f) => f.endsWith('/correspondence/InboxPage.tsx'))).toBe(true);
    expect([...sources].some((f) => f.endsWith('/notes/NotesPage.tsx'))).toBe(false);
    const missing = [...sources].flatMap((file) =>
      namespacesIn(file)
        .filter((ns) => !(ns in FRENCH_OF_FIRST_SCREENS))
        .map((ns) => `${file.slice(SRC.length + 1)}: ${ns}`),
    );
    expect(missing).toEqual([]);
  });

  it('leave the modules’ words out of the first bundle, for the pages beyond to fetch', () => {
    expect(FRENCH_OF_FIRST_SCREENS).not.toHaveProperty('notes');
    expect(FRENCH_OF_FIRST_SCREENS).not.toHaveProperty('correspondenceSettings');
    // Loaded by the test setup as a page would (ensureWordsOfModules).
    expect(i18next.t('correspondenceSettings.forbiddenTitle', { lng: 'fr' })).not.toBe(
      'correspondenceSettings.forbiddenTitle',
    );
  });
});
