import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useMe } from '../../../ui/me-context';

/** Below this width the agenda's grid is no use: a phone. */
export const PHONE_QUERY = '(max-width: 40em)';

/**
 * An official opening the agenda on a phone lands on their day (/agenda/today). Only the bare
 * address: a calendar link with its view or date (as « Voir tout l'agenda » gives) stays put.
 */
export function PhoneLanding({ children }: { children: ReactNode }) {
  const me = useMe();
  const { search } = useLocation();
  const phone = useMediaQuery(PHONE_QUERY, false, { getInitialValueInEffect: false });
  if (me.role === 'official' && phone && !search) return <Navigate to="today" replace />;
  return children;
}
