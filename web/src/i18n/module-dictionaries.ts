import fr from './fr.json';

type Dictionary = Record<string, unknown>;

// A module may keep its own words in `modules/<module>/[<part>/]i18n/{fr,en}.json`, each file holding
// one or more top-level namespaces of its own (`{ "agenda": { … } }`): modules then never
// edit one shared file, and a module's words ship with it.
// French, the source language and nearly every user's, comes with the first screens; English
// is fetched only by whoever uses it (issue 7: half the words no longer in everyone's first load).
const frenchOfModules = import.meta.glob<Dictionary>('../modules/**/i18n/fr.json', { eager: true, import: 'default' });
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

export const FRENCH: Dictionary = mergeDictionaries(fr, frenchOfModules);

/** The English dictionary, shared and modules' words, fetched on first use. */
export async function loadEnglish(): Promise<Dictionary> {
  const files = Object.entries(englishOfModules);
  const [base, ...parts] = await Promise.all([
    import('./en.json').then((m) => m.default as Dictionary),
    ...files.map(([, load]) => load()),
  ]);
  return mergeDictionaries(base ?? {}, Object.fromEntries(files.map(([file], i) => [file, parts[i] ?? {}])));
}
