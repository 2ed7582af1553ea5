import '@mantine/spotlight/styles.css';
import type { TMe } from '@dircab/contracts';
import { Route, Routes } from 'react-router';
import { AccountSecurityPage } from '../../modules/account/AccountSecurityPage';
import { useAccountLanguage } from '../../ui/language';
import { MeContext } from '../../ui/me-context';
import { availableModules } from './module-registry';
import { NotFoundPage } from './NotFoundPage';
import { ShellLayout } from './ShellLayout';

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
