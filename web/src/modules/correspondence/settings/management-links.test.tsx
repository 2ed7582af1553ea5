import type { TRole } from '@dircab/contracts';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeMe, renderApp } from '../../../test/render';
import { QueueNav } from '../QueueNav';

const linksOf = (role: TRole) => {
  renderApp(<QueueNav current="all" counts={undefined} onSelect={() => {}} />, {
    path: '/correspondence',
    me: fakeMe(role, ['correspondence']),
  });
  const nav = screen.queryByRole('navigation', { name: 'Pilotage du courrier' });
  return nav ? [...nav.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]) : [];
};

describe('links from the inbox to figures, register and settings', () => {
  it('gives the cabinet all three', () => {
    expect(linksOf('chief_of_staff')).toEqual([
      ['Délais de réponse', '/correspondence/figures'],
      ['Registre', '/correspondence/register'],
      ['Réglages', '/correspondence/settings'],
    ]);
  });

  it('gives the services none', () => {
    expect(linksOf('services')).toEqual([]);
  });

  it('gives the admin the settings only', () => {
    expect(linksOf('admin')).toEqual([['Réglages', '/correspondence/settings']]);
  });
});
