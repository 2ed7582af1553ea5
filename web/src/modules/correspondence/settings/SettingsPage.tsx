import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../../ui/me-context';
import { usePageTitle } from '../../../ui/use-page-title';
import { ItemTypesPanel } from './ItemTypesPanel';
import { canManageTypes } from './settings-api';

/** Correspondence settings (/correspondence/settings): only the roles the server lets in. */
export function SettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('correspondence.settings.title'));
  const me = useMe();
  return (
    <Stack gap="lg">
      <Link to="/correspondence">{t('correspondence.backToInbox')}</Link>
      <Title order={1}>{t('correspondence.settings.title')}</Title>
      {canManageTypes(me.role) ? (
        <section aria-labelledby="settings-types">
          <Title order={2} id="settings-types" mb="sm">
            {t('correspondence.settings.types.title')}
          </Title>
          <ItemTypesPanel />
        </section>
      ) : (
        <Text>{t('correspondence.settings.forbidden')}</Text>
      )}
    </Stack>
  );
}
