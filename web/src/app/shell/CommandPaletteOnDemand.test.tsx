import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeMe, renderApp } from '../../test/render';
import { CommandPaletteOnDemand } from './CommandPaletteOnDemand';
import { palette } from './palette-store';
import { SearchButton } from './SearchButton';

afterEach(() => act(() => palette.close()));

const me = fakeMe('executive', ['home', 'correspondence']);

describe('CommandPaletteOnDemand', () => {
  it('opens the palette on Ctrl+K, its code fetched then', async () => {
    renderApp(<CommandPaletteOnDemand />, { me });
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.keyDown(document.documentElement, { key: 'k', code: 'KeyK', ctrlKey: true });
    const dialog = await screen.findByRole('dialog', { name: 'Palette de commandes' });
    expect(dialog.textContent).toContain('Courrier');
  });

  it('opens the palette from the search button', async () => {
    renderApp(
      <>
        <SearchButton />
        <CommandPaletteOnDemand />
      </>,
      { me },
    );
    fireEvent.click(screen.getAllByRole('button', { name: /^Rechercher/ })[0] as HTMLElement);
    expect(await screen.findByRole('dialog', { name: 'Palette de commandes' })).toBeTruthy();
  });
});
