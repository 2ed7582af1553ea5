import type { TMe } from '@dircab/contracts';
import { lazy, Suspense, use } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ensureLanguage, languageOf } from '../../i18n/i18n';
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
      <InAccountLanguage me={me.data} />
    </Suspense>
  );
}

/** English words are fetched on demand: an English account's shell waits for them (no French flash). */
function InAccountLanguage({ me }: { me: TMe }) {
  use(ensureLanguage(languageOf(me.user.locale)));
  return <SignedInApp me={me} />;
}
