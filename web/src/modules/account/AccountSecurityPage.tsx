import { Alert, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../ui/me-context';
import { Panel } from '../../ui/Panel';
import { usePageTitle } from '../../ui/use-page-title';
import { ChangePasswordForm } from './ChangePasswordForm';
import { DisableTotpForm } from './DisableTotpForm';
import { EnableTotpFlow } from './EnableTotpFlow';

export function AccountSecurityPage() {
  const { t } = useTranslation();
  usePageTitle(t('security.title'));
  const me = useMe();
  const enabled = me.user.twoFactorEnabled;
  return (
    <Stack gap="lg" maw={720}>
      <div>
        <Title order={1}>{t('security.title')}</Title>
        <Text c="dimmed">{me.user.email}</Text>
      </div>
      <Panel title={t('security.passwordChange.title')}>
        <ChangePasswordForm />
      </Panel>
      <Panel title={t('security.totp.title')}>
        <Stack gap="md">
          <Alert color={enabled ? 'green' : 'yellow'} role="status">
            {enabled ? t('security.totp.on') : t('security.totp.off')}
          </Alert>
          {enabled ? <DisableTotpForm /> : <EnableTotpFlow />}
        </Stack>
      </Panel>
    </Stack>
  );
}
