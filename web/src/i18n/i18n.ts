import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { withModuleDictionaries } from './module-dictionaries';

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

/** Switches the interface language and remembers it on this browser. */
export async function changeLanguage(language: TLanguage): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered, but still switched for this visit.
  }
  await i18next.changeLanguage(language);
}

// Screen readers pick their voice from <html lang>: keep it in step with the interface.
i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18next.use(initReactI18next).init({
  resources: withModuleDictionaries(),
  lng: storedLanguage(),
  fallbackLng: 'fr',
  interpolation: { escapeValue: false },
  initAsync: false,
});
document.documentElement.lang = i18next.language;

export default i18next;
