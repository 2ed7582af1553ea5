import { lazy, Suspense } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorState } from '../../ui/ErrorState';
import { PageLoader } from '../../ui/PageLoader';
import { useMeQuery } from '../api/use-me';

// The shell and its modules are the bulk of the code: not fetched before signing in.
const SignedInApp = lazy(() => import('../shell/SignedInApp'));

/** Everything but the sign-in page needs a session; without one, go sign in and come back. */
export function RequireSession() {
  const location = useLocation();
  const me = useMeQuery();
  if (me.isPending) return <PageLoader />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return (
    <Suspense fallback={<PageLoader />}>
      <SignedInApp me={me.data} />
    </Suspense>
  );
}
