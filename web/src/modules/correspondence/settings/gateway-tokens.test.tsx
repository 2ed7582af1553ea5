import type { TGatewayToken } from '@dircab/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMe, fetchRouting, renderApp } from '../../../test/render';
import { SettingsPage } from './SettingsPage';
import '../test-stubs';

afterEach(() => vi.unstubAllGlobals());

const TOKEN: TGatewayToken = {
  id: '0190a000-0000-7000-8000-000000000a01',
  label: 'Boîte contact',
  prefix: 'dcg_4f2a9b',
  createdAt: '2026-03-02T08:00:00.000Z',
  lastUsedAt: null,
  revokedAt: null,
  policies: { revoke: true },
};
const SECRET = 'dcg_4f2a9b_secret-shown-once-0123456789';

describe('mail gateway tokens', { timeout: 20_000 }, () => {
  it('shows the new secret once, with a copy button, then revokes a token', async () => {
    let tokens = [TOKEN];
    const api = fetchRouting((method, url, body) => {
      const path = '/api/v1/correspondence/gateway-tokens';
      if (method === 'GET' && url.startsWith(path)) return [200, { data: tokens, nextCursor: null }];
      if (method === 'POST' && url === path) {
        const created = {
          ...TOKEN,
          id: '0190a000-0000-7000-8000-000000000a02',
          label: (body as { label: string }).label,
        };
        tokens = [created, ...tokens];
        return [201, { ...created, token: SECRET }];
      }
      if (method === 'DELETE' && url === `${path}/${TOKEN.id}`) {
        tokens = tokens.map((x) =>
          x.id === TOKEN.id ? { ...x, revokedAt: '2026-03-03T08:00:00.000Z', policies: { revoke: false } } : x,
        );
        return [200, tokens.find((x) => x.id === TOKEN.id)];
      }
      return undefined;
    });
    vi.stubGlobal('fetch', api.fn);
    renderApp(<SettingsPage />, {
      path: '/correspondence/settings?tab=gateway',
      me: fakeMe('chief_of_staff', ['correspondence']),
    });
    expect(await screen.findByText('Boîte contact')).toBeDefined();

    fireEvent.change(screen.getByRole('textbox', { name: /Nom de la passerelle/ }), {
      target: { value: 'Relais Postfix' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Créer un jeton' }));
    const shown = await screen.findByRole('status', { name: /Jeton créé pour « Relais Postfix »/ });
    expect(within(shown).getByText(SECRET)).toBeDefined();
    expect(within(shown).getByRole('button', { name: 'Copier le jeton' })).toBeDefined();
    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({ label: 'Relais Postfix' });
    // The list shows only the prefix: once dismissed, the secret is nowhere on the page.
    fireEvent.click(within(shown).getByRole('button', { name: 'J’ai copié le jeton' }));
    expect(screen.queryByText(SECRET)).toBeNull();
    expect(await screen.findByText('Relais Postfix')).toBeDefined();

    fireEvent.click(screen.getByRole('button', { name: 'Révoquer Boîte contact' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Révoquer' }));
    expect(await screen.findByText(/Révoqué le/)).toBeDefined();
    expect(screen.queryByRole('button', { name: 'Révoquer Boîte contact' })).toBeNull();
  });

  it('shows the server’s message at the name field', async () => {
    vi.stubGlobal(
      'fetch',
      fetchRouting((method) =>
        method === 'GET'
          ? [200, { data: [], nextCursor: null }]
          : [
              400,
              {
                title: 'Bad Request',
                status: 400,
                detail: 'Le corps de la requête contient des valeurs invalides.',
                errors: [{ path: 'label', message: 'Indiquez un nom de 120 caractères au plus.' }],
              },
            ],
      ).fn,
    );
    renderApp(<SettingsPage />, {
      path: '/correspondence/settings?tab=gateway',
      me: fakeMe('admin', ['correspondence']),
    });
    fireEvent.change(await screen.findByRole('textbox', { name: /Nom de la passerelle/ }), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Créer un jeton' }));
    const input = screen.getByRole('textbox', { name: /Nom de la passerelle/ });
    await vi.waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Indiquez un nom de 120 caractères au plus.')).toBeDefined();
  });
});
