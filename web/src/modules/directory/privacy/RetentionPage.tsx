import { Alert, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../ui/me-context';
import { usePageTitle } from '../../../ui/use-page-title';
import { DirectoryTabs } from '../DirectoryTabs';
import { canSetRetention } from './privacy-rules';
import { RetentionForm } from './RetentionForm';

/** /directory/privacy: how long the organisation keeps each kind of contact. */
export function RetentionPage() {
  const { t } = useTranslation();
  usePageTitle(t('privacy.retention.title'));
  const me = useMe();
  const allowed = canSetRetention(me.role);

  return (
    <Stack gap="lg" maw={900}>
      <div>
        <Title order={1}>{t('privacy.retention.title')}</Title>
        <Text c="dimmed">{t('privacy.retention.intro')}</Text>
      </div>
      <DirectoryTabs />
      {allowed ? (
        <RetentionForm />
      ) : (
        <Alert color="gray" role="alert">
          {t('privacy.retention.forbidden')}
        </Alert>
      )}
    </Stack>
  );
}
