import { Route, Routes } from 'react-router';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { RequireSession } from './auth/RequireSession';
import { SignInPage } from './auth/SignInPage';

/** The sign-in page is in the first bundle; everything behind a session loads on demand. */
export function AppRoutes() {
  return (
    <ErrorBoundary>
      <Routes>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="*" element={<RequireSession />} />
      </Routes>
    </ErrorBoundary>
  );
}
