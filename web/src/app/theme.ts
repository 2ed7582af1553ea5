import { type CSSVariablesResolver, createTheme } from '@mantine/core';

// Mantine's defaults fail WCAG AA contrast in places (STACK-NOTES.md): shade 8 for filled
// buttons (3.55:1 at shade 6), gray.7 for dimmed text (3.3:1 at gray.6).
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  defaultRadius: 'sm',
  // People who asked their system for less motion get no sliding drawers nor fading modals.
  respectReducedMotion: true,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  components: {
    // The light variant of the active link falls below 4.5:1 on hover: filled keeps white on blue.8/9.
    NavLink: { defaultProps: { variant: 'filled' }, styles: { description: { opacity: 1 } } },
    // The focus placeholder is a tabbable non-item inside role="menu" (axe aria-required-children).
    // Light alerts write their title in shade 6 or 8 of the colour on a tint of it: below 4.5:1.
    Alert: { styles: { title: { color: 'var(--mantine-color-text)' } } },
    Menu: { defaultProps: { withInitialFocusPlaceholder: false } },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  // Field errors in red.6 are 3.3:1 on white: red.9 reads at 5:1.
  light: {
    // Hovered subtle and light buttons (the language switch…) put blue.8 on blue.2: 4.0:1.
    // On blue.1 it reads at 4.9:1.
    '--mantine-color-blue-light-hover': 'var(--mantine-color-blue-1)',
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});
