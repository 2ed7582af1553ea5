import { MantineProvider } from '@mantine/core';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { cssVariablesResolver, theme } from './theme';
import { ToastsOnDemand } from './toasts/ToastsOnDemand';

interface Props {
  queryClient: QueryClient;
  children: ReactNode;
}

/** Theme, data cache and notifications: everything a screen needs, signed in or not. */
export function Providers({ queryClient, children }: Props) {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <ToastsOnDemand />
        {children}
      </QueryClientProvider>
    </MantineProvider>
  );
}
