import { type CSSVariablesResolver, createTheme } from '@mantine/core';

// Mantine's defaults fail WCAG AA contrast in places (STACK-NOTES.md): shade 8 for filled
// buttons (3.55:1 at shade 6), gray.7 for dimmed text (3.3:1 at gray.6).
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  components: {
    NavLink: { styles: { description: { opacity: 1 } } },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});
