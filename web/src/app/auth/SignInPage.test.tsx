import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchAnswering, renderApp } from '../../test/render';
import { SignInPage } from './SignInPage';

afterEach(() => vi.unstubAllGlobals());

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

  it('labels every field visibly', () => {
    vi.stubGlobal('fetch', fetchAnswering(401, { title: 'Unauthorized', status: 401 }).fn);
    renderApp(<SignInPage />, { path: '/sign-in' });
    expect(screen.getByText('Adresse électronique', { selector: 'label *, label' })).toBeDefined();
    expect(screen.getByText('Mot de passe', { selector: 'label *, label' })).toBeDefined();
  });
});
