import { Anchor, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useMe } from '../../ui/me-context';
import { DUPLICATES_PATH } from './contact-links-api';
import { DIRECTORY_PATH } from './directory-rules';
import { GROUPS_PATH, OFFICIALS_PATH } from './officials/officials-api';
import { canSeeAffiliations } from './officials/officials-rules';
import { usePrivacyTab } from './privacy/use-privacy-tab';

/** The directory's three lists, as links (the current one marked for screen readers). */
export function DirectoryTabs() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const me = useMe();
  const privacyTab = usePrivacyTab();
  const links = [
    { to: DIRECTORY_PATH, label: t('directory.tabs.contacts') },
    { to: `${DIRECTORY_PATH}/territories`, label: t('directory.tabs.territories') },
    { to: `${DIRECTORY_PATH}/services`, label: t('directory.tabs.services') },
    { to: OFFICIALS_PATH, label: t('officials.tab') },
    { to: DUPLICATES_PATH, label: t('duplicates.tab') },
    // Affiliation is sensitive: the groups page is the cabinet's.
    ...(canSeeAffiliations(me.role) ? [{ to: GROUPS_PATH, label: t('officials.groups.tab') }] : []),
    ...privacyTab,
  ];
  const current = (to: string) =>
    to === DIRECTORY_PATH ? pathname === to || pathname === `${to}/` : pathname.startsWith(to);
  return (
    <Group component="nav" aria-label={t('directory.tabs.label')} gap="md">
      {links.map((l) => (
        <Anchor
          key={l.to}
          component={Link}
          to={l.to}
          fw={current(l.to) ? 700 : 500}
          underline={current(l.to) ? 'always' : 'hover'}
          aria-current={current(l.to) ? 'page' : undefined}
        >
          {l.label}
        </Anchor>
      ))}
    </Group>
  );
}
