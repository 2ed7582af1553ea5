import fr from './fr.json';

type Dictionary = Record<string, unknown>;

// The shared dictionary (`i18n/{fr,en}.json`) holds the words of the first screens: sign-in,
// the shell and the inbox. Every other screen's words live with its module, in
// `modules/<module>/[<part>/]i18n/{fr,en}.json`, each file holding one or more top-level
// namespaces of its own (`{ "agenda": { … } }`): modules then never edit one shared file.
// French, the source language and nearly every user's, ships its first screens' words in the
// first bundle and the modules' words as one file fetched when a page beyond the first
// screens opens (lazy-page.ts); English, all of it, only by whoever uses it (issue 7).
const frenchOfModules = import.meta.glob<Dictionary>('../modules/**/i18n/fr.json', { import: 'default' });
const englishOfModules = import.meta.glob<Dictionary>('../modules/**/i18n/en.json', { import: 'default' });

/** The shared dictionary with every module's namespaces added; a namespace defined twice is a build error. */
export function mergeDictionaries(base: Dictionary, parts: Record<string, Dictionary>): Dictionary {
  const merged: Dictionary = { ...base };
  for (const [file, part] of Object.entries(parts)) {
    for (const [namespace, words] of Object.entries(part)) {
      if (namespace in merged) throw new Error(`i18n: namespace "${namespace}" of ${file} is already defined`);
      merged[namespace] = words;
    }
  }
  return merged;
}

/** The French words of the first screens, in the first bundle. */
export const FRENCH_OF_FIRST_SCREENS: Dictionary = fr;

async function loadAll(files: Record<string, () => Promise<Dictionary>>): Promise<Record<string, Dictionary>> {
  const entries = Object.entries(files);
  const parts = await Promise.all(entries.map(([, load]) => load()));
  return Object.fromEntries(entries.map(([file], i) => [file, parts[i] ?? {}]));
}

/** The modules' French words (the screens beyond the first ones), fetched on first use. */
export async function loadFrenchOfModules(): Promise<Dictionary> {
  // Checked against the shared words, so a module can never shadow a shared namespace.
  const merged = mergeDictionaries(fr, await loadAll(frenchOfModules));
  return Object.fromEntries(Object.entries(merged).filter(([namespace]) => !(namespace in fr)));
}

/** The English dictionary, shared and modules' words, fetched on first use. */
export async function loadEnglish(): Promise<Dictionary> {
  const [base, parts] = await Promise.all([
    import('./en.json').then((m) => m.default as Dictionary),
    loadAll(englishOfModules),
  ]);
  return mergeDictionaries(base, parts);
}
