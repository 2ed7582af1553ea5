import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { FRENCH_OF_FIRST_SCREENS, loadEnglish, loadFrenchOfModules } from './module-dictionaries';

export const LANGUAGES = ['fr', 'en'] as const;
export type TLanguage = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'dircab.language';

/** The language chosen on this browser; French (the source language) otherwise. */
export function storedLanguage(): TLanguage {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'fr';
  } catch {
    // Storage can be refused (private mode, policies): French then.
    return 'fr';
  }
}

/** The interface language for an account's locale ('en', 'en-GB' → English; anything else → French). */
export function languageOf(locale: string): TLanguage {
  return locale.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

// A choice made on the sign-in page during this visit: it wins over the account's once
// signed in (the person has just said what they want), and is then saved to the account.
let chosenBeforeSignIn: TLanguage | null = null;

export function rememberChoiceBeforeSignIn(language: TLanguage): void {
  chosenBeforeSignIn = language;
}

/** The sign-in page's choice, once: reading it forgets it. */
export function takeChoiceBeforeSignIn(): TLanguage | null {
  const choice = chosenBeforeSignIn;
  chosenBeforeSignIn = null;
  return choice;
}

const FRENCH_READY = Promise.resolve();
let englishLoaded: Promise<void> | null = null;

/**
 * Resolves once the language's words are in i18next: French is in the first bundle, English
 * is fetched once, the first time it is needed. The same promise for the same language, so
 * that a component may suspend on it (React's `use`).
 */
export function ensureLanguage(language: TLanguage): Promise<void> {
  if (language === 'fr') return FRENCH_READY;
  englishLoaded ??= loadEnglish().then(
    (words) => void i18next.addResourceBundle('en', 'translation', words),
    // Not fetched (offline, a new deployment): the French words stand in (fallbackLng) for
    // this visit. Never rejects: a screen suspended on it must not break, nor retry in a loop.
    () => undefined,
  );
  return englishLoaded;
}

let frenchOfModules: Promise<void> | null = null;

/**
 * Resolves once the modules' French words (every screen's but the first ones) are in
 * i18next: the pages beyond the first screens wait for it (lazy-page.ts). Fetched once,
 * whatever the language (French stands in for any missing English word); a failed fetch
 * fails the page like its own code's would, and the next page tries again.
 */
export function ensureWordsOfModules(): Promise<void> {
  frenchOfModules ??= loadFrenchOfModules().then(
    (words) => void i18next.addResourceBundle('fr', 'translation', words),
    (error: unknown) => {
      frenchOfModules = null;
      throw error;
    },
  );
  return frenchOfModules;
}

/** Switches the interface language (its words fetched first if need be) and remembers it on this browser. */
export async function changeLanguage(language: TLanguage): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered, but still switched for this visit.
  }
  // Words at hand: switch now, in this very call (an account's language is set before the
  // first paint, ui/language.ts); otherwise once they have come.
  if (language !== 'fr' && !i18next.hasResourceBundle(language, 'translation')) await ensureLanguage(language);
  await i18next.changeLanguage(language);
}

// Screen readers pick their voice from <html lang>: keep it in step with the interface.
i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

// Starts in French, whose words are here; a browser that chose English switches once its
// words have come (main.tsx waits for `i18nReady` before the first render: no French flash).
void i18next.use(initReactI18next).init({
  resources: { fr: { translation: FRENCH_OF_FIRST_SCREENS } },
  lng: 'fr',
  fallbackLng: 'fr',
  interpolation: { escapeValue: false },
  initAsync: false,
});
document.documentElement.lang = i18next.language;

/** The stored language's words loaded and switched to; French at once. */
export const i18nReady: Promise<void> =
  storedLanguage() === 'en' ? changeLanguage('en').catch(() => undefined) : FRENCH_READY;

export default i18next;
