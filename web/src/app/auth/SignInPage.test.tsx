import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { changeLanguage } from '../../i18n/i18n';
import { fakeMe, fetchAnswering, fetchRouting, renderApp } from '../../test/render';
import { SignInPage } from './SignInPage';

afterEach(async () => {
  vi.unstubAllGlobals();
  await act(() => changeLanguage('fr'));
});

/** The first `me` (no session) answered, as it has long before a person submits the form. */
const settled = () => act(() => new Promise((resolve) => setTimeout(resolve, 10)));

function fillAndSubmit() {
  fireEvent.change(screen.getByLabelText(/Adresse électronique/), { target: { value: 'maire@mont-dore.example' } });
  fireEvent.change(screen.getByLabelText(/Mot de passe/), { target: { value: 'wrong-password-2026' } });
  fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
}

describe('SignInPage', () => {
  it('shows the French detail of the problem on a wrong password', async () => {
    const detail = 'Adresse électronique ou mot de passe incorrect.';
    const api = fetchAnswering(401, { type: 'about:blank', title: 'Unauthorized', status: 401, detail });
    vi.stubGlobal('fetch', api.fn);
    renderApp(<SignInPage />, { path: '/sign-in' });
    fillAndSubmit();
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', expect.stringContaining(detail));
    expect(api.calls.some((c) => c.url === '/api/auth/sign-in/email' && c.init?.method === 'POST')).toBe(true);
  });

  it('asks for the TOTP code when the server requires a second factor', async () => {
    vi.stubGlobal('fetch', async (url: string | URL | Request) =>
      String(url) === '/api/v1/me'
        ? new Response(JSON.stringify({ type: 'about:blank', title: 'Unauthorized', status: 401 }), { status: 401 })
        : new Response(JSON.stringify({ twoFactorRedirect: true }), { status: 200 }),
    );
    renderApp(<SignInPage />, { path: '/sign-in' });
    fillAndSubmit();
    expect(await screen.findByLabelText(/Code à 6 chiffres/)).toBeDefined();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Vérification en deux étapes');
  });

  it('asks for a valid address and a password before calling the server; editing a field clears its complaint', async () => {
    const api = fetchAnswering(401, { title: 'Unauthorized', status: 401 });
    vi.stubGlobal('fetch', api.fn);
    renderApp(<SignInPage />, { path: '/sign-in' });
    await settled();
    fireEvent.change(screen.getByLabelText(/Adresse électronique/), { target: { value: 'maire@mont-dore' } });
    fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    expect(await screen.findByText('Saisissez une adresse électronique valide.')).toBeDefined();
    expect(screen.getByText('Saisissez votre mot de passe.')).toBeDefined();
    expect(api.calls.some((c) => c.url.startsWith('/api/auth/'))).toBe(false);
    fireEvent.change(screen.getByLabelText(/Mot de passe/), { target: { value: 'x' } });
    expect(screen.queryByText('Saisissez votre mot de passe.')).toBeNull();
    expect(screen.getByText('Saisissez une adresse électronique valide.')).toBeDefined();
  });

  it('labels every field visibly', () => {
    vi.stubGlobal('fetch', fetchAnswering(401, { title: 'Unauthorized', status: 401 }).fn);
    renderApp(<SignInPage />, { path: '/sign-in' });
    expect(screen.getByText('Adresse électronique', { selector: 'label *, label' })).toBeDefined();
    expect(screen.getByText('Mot de passe', { selector: 'label *, label' })).toBeDefined();
  });

  it('saves to the account a language chosen here, once signed in', async () => {
    let signedIn = false;
    const api = fetchRouting((method, url) => {
      if (url === '/api/auth/sign-in/email') {
        signedIn = true;
        return [200, {}];
      }
      if (method === 'GET' && url === '/api/v1/me') {
        return signedIn ? [200, fakeMe('advisor', ['home'])] : [401, { title: 'Unauthorized', status: 401 }];
      }
      if (method === 'PATCH' && url === '/api/v1/me') return [204];
      return undefined;
    });
    vi.stubGlobal('fetch', api.fn);
    renderApp(<SignInPage />, { path: '/sign-in' });
    await settled();
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    fireEvent.change(await screen.findByLabelText(/Email address/), {
      target: { value: 'conseiller@mont-dore.example' },
    });
    fireEvent.change(screen.getByLabelText(/Password/), { target: { value: 'a-good-password-2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() =>
      expect(api.calls.filter((c) => c.method === 'PATCH')).toEqual([
        { method: 'PATCH', url: '/api/v1/me', body: { locale: 'en' } },
      ]),
    );
    // Saved before `me` is asked again: the account then says English.
    const patch = api.calls.findIndex((c) => c.method === 'PATCH');
    expect(api.calls.slice(patch).some((c) => c.method === 'GET' && c.url === '/api/v1/me')).toBe(true);
  });

  it('leaves the account’s language alone when none was chosen here', async () => {
    let signedIn = false;
    const api = fetchRouting((method, url) => {
      if (url === '/api/auth/sign-in/email') {
        signedIn = true;
        return [200, {}];
      }
      if (method === 'GET' && url === '/api/v1/me') {
        return signedIn ? [200, fakeMe('advisor', ['home'])] : [401, { title: 'Unauthorized', status: 401 }];
      }
      return undefined;
    });
    vi.stubGlobal('fetch', api.fn);
    renderApp(<SignInPage />, { path: '/sign-in' });
    await settled();
    fillAndSubmit();
    await waitFor(() => expect(api.calls.filter((c) => c.url === '/api/v1/me')).toHaveLength(2));
    expect(api.calls.some((c) => c.method === 'PATCH')).toBe(false);
  });
});
