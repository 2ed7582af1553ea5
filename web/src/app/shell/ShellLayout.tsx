import { AppShell } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { PageLoader } from '../../ui/PageLoader';
import { CommandPaletteOnDemand } from './CommandPaletteOnDemand';
import { ShellHeader } from './ShellHeader';
import { ShellNavbar } from './ShellNavbar';

const NAVBAR_ID = 'main-navigation';

export function ShellLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const isPhone = useMediaQuery('(max-width: 48em)') ?? false;
  // On a phone the closed navbar only slides out of view: make it unreachable by keyboard too.
  const hiddenNavbar = isPhone && !opened;

  return (
    <>
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="md"
      >
        <AppShell.Header>
          <ShellHeader navbarOpened={opened} onToggleNavbar={toggle} navbarId={NAVBAR_ID} />
        </AppShell.Header>
        <AppShell.Navbar id={NAVBAR_ID} p="sm" aria-label={t('shell.navigation')} inert={hiddenNavbar}>
          <ShellNavbar onNavigate={close} />
        </AppShell.Navbar>
        <AppShell.Main id="main" tabIndex={-1}>
          <ErrorBoundary resetKey={pathname}>
            <Suspense fallback={<PageLoader />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </AppShell.Main>
      </AppShell>
      <CommandPaletteOnDemand />
    </>
  );
}
