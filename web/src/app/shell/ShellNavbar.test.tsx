import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeMe, renderApp } from '../../test/render';
import { ShellNavbar } from './ShellNavbar';

describe('ShellNavbar', () => {
  it('shows exactly the modules the server lists for the role', () => {
    renderApp(<ShellNavbar onNavigate={() => {}} />, { me: fakeMe('chief_of_staff', ['home', 'search', 'audit']) });
    const links = screen.getAllByRole('link').map((a) => a.textContent);
    expect(links).toEqual(['Accueil', 'Recherche', 'Journal d’audit']);
    expect(screen.queryByRole('link', { name: 'Administration' })).toBeNull();
  });

  it('skips a module key the web has no screens for yet', () => {
    renderApp(<ShellNavbar onNavigate={() => {}} />, { me: fakeMe('advisor', ['home', 'budget', 'search']) });
    const links = screen.getAllByRole('link').map((a) => a.textContent);
    expect(links).toEqual(['Accueil', 'Recherche']);
  });

  it('marks the current page', () => {
    renderApp(<ShellNavbar onNavigate={() => {}} />, {
      me: fakeMe('admin', ['home', 'audit', 'admin']),
      path: '/admin',
    });
    const current = screen.getByRole('link', { name: 'Administration' });
    expect(current.getAttribute('aria-current')).toBe('page');
    expect(within(document.body).getByRole('link', { name: 'Accueil' }).getAttribute('aria-current')).toBeNull();
  });
});
