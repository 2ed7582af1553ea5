import type { TMe } from '@dircab/contracts';
import { useQueryClient } from '@tanstack/react-query';
import i18next from 'i18next';
import { useContext, useLayoutEffect } from 'react';
import { meApi } from '../app/api/me-api';
import { ME_KEY } from '../app/api/use-me';
import { changeLanguage, languageOf, rememberChoiceBeforeSignIn, type TLanguage } from '../i18n/i18n';
import { MeContext } from './me-context';
import { notify } from './notify';

/**
 * Switches the interface language. Signed in, the choice is saved to the account (it then
 * follows the person to any browser); on the sign-in page, it is saved once signed in.
 * Either way this browser remembers it for its sign-in page.
 */
export function useSwitchLanguage(): (language: TLanguage) => Promise<void> {
  const me = useContext(MeContext);
  const queryClient = useQueryClient();
  return async (language) => {
    await changeLanguage(language);
    if (!me) {
      rememberChoiceBeforeSignIn(language);
      return;
    }
    try {
      await meApi.saveLocale(language);
      // Only once saved: a refresh of `me` meanwhile must not switch the language back.
      queryClient.setQueryData<TMe | null>(ME_KEY, (current) =>
        current ? { ...current, user: { ...current.user, locale: language } } : current,
      );
    } catch {
      // In the language just chosen (the hook's `t` would speak the previous one).
      notify('red', i18next.t('language.saveFailed'));
    }
  };
}

/** Signed in, the account's language is the interface's (set before the first paint). */
export function useAccountLanguage(me: TMe): void {
  const language = languageOf(me.user.locale);
  useLayoutEffect(() => {
    void changeLanguage(language);
  }, [language]);
}
