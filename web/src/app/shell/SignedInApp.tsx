import '@mantine/spotlight/styles.css';
import type { TMe } from '@dircab/contracts';
import { Route, Routes } from 'react-router';
import { lazyPage } from '../../i18n/lazy-page';
import { useAccountLanguage } from '../../ui/language';
import { MeContext } from '../../ui/me-context';
import { availableModules } from './module-registry';
import { NotFoundPage } from './NotFoundPage';
import { ShellLayout } from './ShellLayout';

// Opened from the user menu now and then: not with the first screens.
const AccountSecurityPage = lazyPage(() =>
  import('../../modules/account/AccountSecurityPage').then((m) => ({ default: m.AccountSecurityPage })),
);

interface Props {
  me: TMe;
}

/** The signed-in app: only the routes of the modules this role may open exist here. */
export default function SignedInApp({ me }: Props) {
  useAccountLanguage(me);
  const modules = availableModules(me.modules);
  return (
    <MeContext value={me}>
      <Routes>
        <Route element={<ShellLayout />}>
          {modules.map(({ key, path, page: Page }) =>
            path === '/' ? (
              <Route key={key} index element={<Page />} />
            ) : (
              <Route key={key} path={`${path.slice(1)}/*`} element={<Page />} />
            ),
          )}
          <Route path="account/security" element={<AccountSecurityPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </MeContext>
  );
}
