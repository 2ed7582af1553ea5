import { Alert, Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../ui/problem-message';
import { authApi } from './auth-api';

interface Props {
  onSuccess: () => void;
  onCancel: () => void;
}

/** Second step of signing in: the authenticator's code, or one of the backup codes. */
export function TotpForm({ onSuccess, onCancel }: Props) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [useBackup, setUseBackup] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const value = code.trim();
    if (!value) {
      setError(t('signIn.codeRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await (useBackup ? authApi.verifyBackupCode(value) : authApi.verifyTotp(value.replace(/\s/g, '')));
      onSuccess();
    } catch (e) {
      setError(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{useBackup ? t('signIn.backupHelp') : t('signIn.totpHelp')}</Text>
        {error && (
          <Alert color="red" role="alert" title={t('signIn.failed')}>
            {error}
          </Alert>
        )}
        <TextInput
          label={useBackup ? t('signIn.backupCode') : t('signIn.totpCode')}
          autoComplete="one-time-code"
          inputMode={useBackup ? 'text' : 'numeric'}
          required
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          data-autofocus
        />
        <Button type="submit" loading={busy} fullWidth>
          {t('signIn.verify')}
        </Button>
        <Group justify="space-between">
          <Anchor component="button" type="button" size="sm" onClick={() => setUseBackup((v) => !v)}>
            {useBackup ? t('signIn.useTotp') : t('signIn.useBackup')}
          </Anchor>
          <Anchor component="button" type="button" size="sm" onClick={onCancel}>
            {t('signIn.back')}
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}
