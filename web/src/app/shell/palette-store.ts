import { createSpotlight } from '@mantine/spotlight';

/**
 * The command palette's open state, apart from the palette itself (CommandPaletteOnDemand.tsx):
 * the search button and Ctrl+K open it before its code has come.
 */
export const [paletteStore, palette] = createSpotlight();
