import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RetentionForm } from '../directory/privacy/RetentionForm';

/**
 * The retention periods in the administration: the admin may set them (the API's privacy
 * roles) but never opens the directory, where the heads find the same form.
 */
export function RetentionSettings() {
  const { t } = useTranslation();
  return (
    <Stack maw={900}>
      <Title order={2}>{t('privacy.retention.title')}</Title>
      <Text c="dimmed">{t('privacy.retention.intro')}</Text>
      <RetentionForm />
    </Stack>
  );
}
