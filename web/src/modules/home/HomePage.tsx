import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../ui/me-context';
import { usePageTitle } from '../../ui/use-page-title';
import { AlertsPanel, seesAlerts } from './AlertsPanel';
import { LatestAuditPanel } from './LatestAuditPanel';
import { MembersSummaryPanel } from './MembersSummaryPanel';
import { ModuleLinksPanel } from './ModuleLinksPanel';
import { RolePanel } from './RolePanel';
import { SecurityPanel } from './SecurityPanel';

/** What this person may do here today, and nothing that does not exist yet. */
export default function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t('modules.home.label'));
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('home.greeting', { name: me.user.name })}</Title>
        <Text c="dimmed">
          {t(`roles.${me.role}`)} · {me.organisation.name}
        </Text>
      </div>
      {seesAlerts(me.role) && <AlertsPanel />}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <RolePanel />
        <ModuleLinksPanel />
        {me.modules.includes('audit') && <LatestAuditPanel />}
        {me.modules.includes('admin') && <MembersSummaryPanel />}
        {!me.user.twoFactorEnabled && <SecurityPanel />}
      </SimpleGrid>
    </Stack>
  );
}
