import en from './en.json';
import fr from './fr.json';

type Dictionary = Record<string, unknown>;

// A module may keep its own words in `modules/<module>/[<part>/]i18n/{fr,en}.json`, each file holding
// one or more top-level namespaces of its own (`{ "agenda": { … } }`): modules then never
// edit one shared file, and a module's words ship with it.
const frenchOfModules = import.meta.glob<Dictionary>('../modules/**/i18n/fr.json', { eager: true, import: 'default' });
const englishOfModules = import.meta.glob<Dictionary>('../modules/**/i18n/en.json', {
  eager: true,
  import: 'default',
});

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
export const ENGLISH: Dictionary = mergeDictionaries(en, englishOfModules);

export function withModuleDictionaries() {
  return { fr: { translation: FRENCH }, en: { translation: ENGLISH } };
}
