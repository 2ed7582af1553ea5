import { useHotkeys } from '@mantine/hooks';
import { useSpotlight } from '@mantine/spotlight';
import { lazy } from 'react';
import { OnceOpened } from '../../ui/OnceOpened';
import { palette, paletteStore } from './palette-store';

// The palette (Mantine's Spotlight, its modal and search) is fetched when first opened, not
// with the first screens (issue 7); it then opens at once, its store already saying so.
const CommandPalette = lazy(() => import('./CommandPalette').then((m) => ({ default: m.CommandPalette })));

/** Ctrl+K / Cmd+K (outside text fields, as Spotlight's own shortcut) or the search button open the palette. */
export function CommandPaletteOnDemand() {
  const { opened } = useSpotlight(paletteStore);
  useHotkeys([['mod + K', palette.open]]);
  return (
    <OnceOpened when={opened}>
      <CommandPalette />
    </OnceOpened>
  );
}
