import { describe, expect, it } from 'vitest';
import { FRENCH_OF_FIRST_SCREENS, loadEnglish, loadFrenchOfModules, mergeDictionaries } from './module-dictionaries';

/** Every key path of a dictionary, with its {{placeholders}}. */
function entries(value: unknown, prefix = ''): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (typeof value === 'string') {
    out.set(prefix, [...value.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort());
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      for (const [path, vars] of entries(child, prefix ? `${prefix}.${key}` : key)) out.set(path, vars);
    }
  }
  return out;
}

describe('dictionaries', () => {
  it('say the same things in French and English, with the same placeholders', async () => {
    const french = entries({ ...FRENCH_OF_FIRST_SCREENS, ...(await loadFrenchOfModules()) });
    const english = entries(await loadEnglish());
    expect([...english.keys()].sort()).toEqual([...french.keys()].sort());
    for (const [path, vars] of french) expect(english.get(path), path).toEqual(vars);
  });

  it('refuses a module namespace that is already defined', () => {
    expect(() => mergeDictionaries({ common: {} }, { 'x/fr.json': { common: { a: 'b' } } })).toThrow(/common/);
  });
});
