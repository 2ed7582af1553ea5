import { Alert, Button, Code, Group, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ME_KEY } from '../../app/api/use-me';
import { notify } from '../../ui/notify';
import { problemMessage } from '../../ui/problem-message';
import { BackupCodes } from './BackupCodes';
import { PasswordStep } from './PasswordStep';
import { secretOf, type TotpEnrolment, totpApi } from './totp-api';

/** Password → add the key to an authenticator app → confirm with a code → keep the backup codes. */
export function EnableTotpFlow() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const start = async (password: string) => {
    setBusy(true);
    setError(null);
    try {
      setEnrolment(await totpApi.enable(password));
    } catch (e) {
      setError(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (event: React.FormEvent) => {
    event.preventDefault();
    const digits = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(digits)) {
      setError(t('security.totp.codeInvalid'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await totpApi.confirm(digits);
      notify('green', t('security.totp.enabled'));
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
    } catch (e) {
      setError(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  if (!enrolment) {
    return (
      <Stack gap="sm">
        <Text size="sm">{t('security.totp.intro')}</Text>
        <PasswordStep submitLabel={t('security.totp.enable')} error={error} busy={busy} onSubmit={start} />
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Text size="sm">{t('security.totp.addKey')}</Text>
      <div>
        <Text size="sm" fw={500}>
          {t('security.totp.secret')}
        </Text>
        <Code fz="md" data-testid="totp-secret">
          {secretOf(enrolment.totpURI)}
        </Code>
      </div>
      <div>
        <Text size="sm" fw={500}>
          {t('security.totp.uri')}
        </Text>
        <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
          {enrolment.totpURI}
        </Code>
      </div>
      <BackupCodes codes={enrolment.backupCodes} />
      <form onSubmit={confirm} noValidate>
        <Stack gap="sm" maw={420}>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <TextInput
            label={t('security.totp.code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            required
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
          />
          <Group>
            <Button type="submit" loading={busy}>
              {t('security.totp.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
