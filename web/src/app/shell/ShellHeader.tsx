import { Burger, Group, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { useMe } from '../../ui/me-context';
import { NotificationsBell } from './NotificationsBell';
import { OrganisationSwitcher } from './OrganisationSwitcher';
import { SearchButton } from './SearchButton';
import { UserMenu } from './UserMenu';

interface Props {
  navbarOpened: boolean;
  onToggleNavbar: () => void;
  navbarId: string;
}

export function ShellHeader({ navbarOpened, onToggleNavbar, navbarId }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
      <Group gap="sm" wrap="nowrap">
        <Burger
          opened={navbarOpened}
          onClick={onToggleNavbar}
          hiddenFrom="sm"
          size="sm"
          aria-label={navbarOpened ? t('shell.closeMenu') : t('shell.openMenu')}
          aria-expanded={navbarOpened}
          aria-controls={navbarId}
        />
        <UnstyledButton component={Link} to="/" title={t('shell.homeLink')}>
          <Text fw={700} size="lg" c="blue.9">
            Dircab
          </Text>
        </UnstyledButton>
        {me.memberships.length > 1 && <OrganisationSwitcher visibleFrom="sm" />}
      </Group>
      <Group gap="xs" wrap="nowrap">
        <SearchButton />
        <NotificationsBell />
        <LanguageSwitch visibleFrom="sm" />
        <UserMenu />
      </Group>
    </Group>
  );
}
