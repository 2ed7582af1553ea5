import { Divider, NavLink, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, useLocation } from 'react-router';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { useMe } from '../../ui/me-context';
import { availableModules } from './module-registry';
import { OrganisationSwitcher } from './OrganisationSwitcher';

interface Props {
  /** Closes the phone drawer once a link is followed. */
  onNavigate: () => void;
}

/** Exactly the modules of `me.modules` that this build has screens for. */
export function ShellNavbar({ onNavigate }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const { pathname } = useLocation();
  const isActive = (path: string) => (path === '/' ? pathname === '/' : pathname.startsWith(path));

  return (
    <Stack gap={4}>
      {me.memberships.length > 1 && (
        <Stack hiddenFrom="sm" gap="xs" mb="sm">
          <OrganisationSwitcher />
          <Divider />
        </Stack>
      )}
      {availableModules(me.modules).map(({ key, path, icon: Icon }) => (
        <NavLink
          key={key}
          component={RouterLink}
          to={path}
          end={path === '/'}
          label={t(`modules.${key}.label`)}
          leftSection={<Icon size={18} stroke={1.6} aria-hidden />}
          active={isActive(path)}
          onClick={onNavigate}
        />
      ))}
      <Divider my="sm" hiddenFrom="sm" />
      <LanguageSwitch hiddenFrom="sm" justify="flex-start" />
    </Stack>
  );
}
