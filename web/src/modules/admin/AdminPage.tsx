import { Stack, Tabs, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { usePageTitle } from '../../ui/use-page-title';
import { MemberDrawer } from './MemberDrawer';
import { MembersSection } from './MembersSection';
import { OrganisationSettings } from './OrganisationSettings';
import { ADMIN_PATH, memberIdOf, memberPath } from './paths';
import { RetentionSettings } from './RetentionSettings';

export default function AdminPage() {
  const { t } = useTranslation();
  usePageTitle(t('modules.admin.label'));
  const navigate = useNavigate();
  const userId = memberIdOf(useParams()['*']);
  const [tab, setTab] = useState<string | null>('members');
  // A member's address (a search hit, a shared link) shows the members behind the drawer.
  if (userId && tab !== 'members') setTab('members');

  return (
    <Stack gap="lg">
      <Title order={1}>{t('modules.admin.label')}</Title>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List aria-label={t('admin.sections')}>
          <Tabs.Tab value="members">{t('admin.members.title')}</Tabs.Tab>
          <Tabs.Tab value="organisation">{t('admin.organisation.title')}</Tabs.Tab>
          <Tabs.Tab value="retention">{t('privacy.retention.title')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="members" pt="md">
          <MembersSection onOpen={(id) => navigate(memberPath(id))} />
        </Tabs.Panel>
        <Tabs.Panel value="organisation" pt="md">
          <OrganisationSettings />
        </Tabs.Panel>
        <Tabs.Panel value="retention" pt="md">
          <RetentionSettings />
        </Tabs.Panel>
      </Tabs>
      <MemberDrawer userId={userId} onClose={() => navigate(ADMIN_PATH)} />
    </Stack>
  );
}
