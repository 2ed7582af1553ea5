import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../ui/use-page-title';
import { MembersSection } from './MembersSection';
import { OrganisationSettings } from './OrganisationSettings';

export default function AdminPage() {
  const { t } = useTranslation();
  usePageTitle(t('modules.admin.label'));
  return (
    <Stack gap="lg">
      <Title order={1}>{t('modules.admin.label')}</Title>
      <Tabs defaultValue="members" keepMounted={false}>
        <Tabs.List aria-label={t('admin.sections')}>
          <Tabs.Tab value="members">{t('admin.members.title')}</Tabs.Tab>
          <Tabs.Tab value="organisation">{t('admin.organisation.title')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="members" pt="md">
          <MembersSection />
        </Tabs.Panel>
        <Tabs.Panel value="organisation" pt="md">
          <OrganisationSettings />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
