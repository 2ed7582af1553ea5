import type { TMe } from '@dircab/contracts';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { changeLanguage, ensureLanguage, takeChoiceBeforeSignIn } from '../i18n/i18n';
import { fakeMe, fetchRouting, renderApp } from '../test/render';
import { LanguageSwitch } from './LanguageSwitch';
import { useAccountLanguage } from './language';
import { PageLoader } from './PageLoader';

afterEach(async () => {
  vi.unstubAllGlobals();
  takeChoiceBeforeSignIn();
  await act(() => changeLanguage('fr'));
});

const withLocale = (locale: string): TMe => {
  const me = fakeMe('advisor', ['home', 'search']);
  return { ...me, user: { ...me.user, locale } };
};

describe('LanguageSwitch', () => {
  it('switches the interface to English, remembers it and updates <html lang>', async () => {
    const api = fetchRouting(() => undefined);
    vi.stubGlobal('fetch', api.fn);
    renderApp(
      <>
        <LanguageSwitch />
        <PageLoader />
      </>,
    );
    expect(screen.getByLabelText('Chargement…')).toBeDefined();
    const button = screen.getByRole('button', { name: 'English' });
    expect(button.getAttribute('lang')).toBe('en');
    fireEvent.click(button);
    expect(await screen.findByRole('button', { name: 'Français' })).toBeDefined();
    expect(screen.getByLabelText('Loading…')).toBeDefined();
    expect(localStorage.getItem('dircab.language')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    // Signed out, nothing to save to: the choice waits for the sign-in.
    expect(api.calls).toHaveLength(0);
    expect(takeChoiceBeforeSignIn()).toBe('en');
  });

  it('signed in, saves the choice to the account as well as to this browser', async () => {
    const api = fetchRouting((method, url) => (method === 'PATCH' && url === '/api/v1/me' ? [204] : undefined));
    vi.stubGlobal('fetch', api.fn);
    renderApp(<LanguageSwitch />, { me: withLocale('fr') });
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('button', { name: 'Français' })).toBeDefined();
    await waitFor(() => expect(api.calls).toEqual([{ method: 'PATCH', url: '/api/v1/me', body: { locale: 'en' } }]));
    expect(localStorage.getItem('dircab.language')).toBe('en');
  });

  it('keeps the switch when the account cannot be updated, and says so', async () => {
    vi.stubGlobal('fetch', fetchRouting(() => [500, { title: 'Internal Server Error', status: 500 }]).fn);
    renderApp(<LanguageSwitch />, { me: withLocale('fr') });
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(
      await screen.findByText('The language has changed on this browser, but could not be saved to your account.'),
    ).toBeDefined();
    expect(screen.getByRole('button', { name: 'Français' })).toBeDefined();
  });
});

function AccountLanguage({ me }: { me: TMe }) {
  useAccountLanguage(me);
  return <PageLoader />;
}

describe('useAccountLanguage', () => {
  it('sets the interface in the account’s language, whatever this browser had', async () => {
    localStorage.setItem('dircab.language', 'fr');
    await ensureLanguage('en'); // as RequireSession does before the shell of an English account
    const view = renderApp(<AccountLanguage me={withLocale('en')} />);
    expect(screen.getByLabelText('Loading…')).toBeDefined();
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('dircab.language')).toBe('en');
    view.unmount();
    renderApp(<AccountLanguage me={withLocale('fr-NC')} />);
    expect(screen.getByLabelText('Chargement…')).toBeDefined();
    await waitFor(() => expect(document.documentElement.lang).toBe('fr'));
  });
});
