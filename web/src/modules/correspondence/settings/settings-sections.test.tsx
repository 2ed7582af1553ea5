import type { TRole } from '@dircab/contracts';
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMe, fetchRouting, renderApp } from '../../../test/render';
import { SettingsPage } from './SettingsPage';
import '../test-stubs';

afterEach(() => vi.unstubAllGlobals());

const tabsOf = async (role: TRole) => {
  vi.stubGlobal('fetch', fetchRouting(() => [200, { data: [], nextCursor: null }]).fn);
  renderApp(<SettingsPage />, { path: '/correspondence/settings', me: fakeMe(role, ['correspondence']) });
  const list = await screen.findByRole('tablist', { name: 'Rubriques des réglages' });
  return [...list.querySelectorAll('[role="tab"]')].map((tab) => tab.textContent);
};

describe('correspondence settings sections', { timeout: 20_000 }, () => {
  it('gives the director of cabinet every section', async () => {
    expect(await tabsOf('chief_of_staff')).toEqual([
      'Types de courrier',
      'Numérotation',
      'Modèles de réponse',
      'Accusés de réception',
      'Jours fériés',
      'Envoi des courriels',
      'Passerelle de messagerie',
      'Formulaire en ligne',
    ]);
  });

  it('gives the secretariat the reply templates only', async () => {
    expect(await tabsOf('secretariat')).toEqual(['Modèles de réponse']);
  });

  it('leaves the reply templates out for the admin, who sees no correspondence', async () => {
    const tabs = await tabsOf('admin');
    expect(tabs).not.toContain('Modèles de réponse');
    expect(tabs).toContain('Passerelle de messagerie');
  });

  it('opens the tab the address names, and says so plainly when the server answers 403', async () => {
    vi.stubGlobal(
      'fetch',
      fetchRouting((method, url) =>
        method === 'GET' && url === '/api/v1/settings/mail'
          ? [403, { title: 'Forbidden', status: 403, detail: 'Votre rôle ne permet pas cette action.' }]
          : undefined,
      ).fn,
    );
    renderApp(<SettingsPage />, {
      path: '/correspondence/settings?tab=mail',
      me: fakeMe('chief_of_staff', ['correspondence']),
    });
    expect(await screen.findByRole('tab', { name: 'Envoi des courriels', selected: true })).toBeDefined();
    expect(await screen.findByText(/Votre rôle ne permet pas de consulter ni de modifier ce réglage/)).toBeDefined();
  });
});
