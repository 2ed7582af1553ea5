import { Alert, Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { http } from '../../app/api/http';
import { notify } from '../../ui/notify';
import { PasswordField } from '../../ui/PasswordField';
import { problemMessage } from '../../ui/problem-message';

// The server's rule (platform/auth/auth.ts): checked here too so the person knows before sending.
const MIN_LENGTH = 12;

/** Changes the password (a temporary one handed over by the admin, typically); other sessions are signed out. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const tooShort = next.length > 0 && next.length < MIN_LENGTH;
  const mismatch = confirm.length > 0 && confirm !== next;
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await http.post('/api/auth/change-password', {
        currentPassword: current,
        newPassword: next,
        revokeOtherSessions: true,
      });
      notify('green', t('security.passwordChange.done'));
      setCurrent('');
      setNext('');
      setConfirm('');
    } catch (e) {
      setError(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (current && next.length >= MIN_LENGTH && next === confirm) void submit();
      }}
    >
      <Stack gap="sm" maw={420}>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <PasswordField
          label={t('security.password')}
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.currentTarget.value)}
        />
        <PasswordField
          label={t('security.passwordChange.new')}
          description={t('security.passwordChange.rule', { count: MIN_LENGTH })}
          autoComplete="new-password"
          required
          value={next}
          error={tooShort ? t('security.passwordChange.tooShort', { count: MIN_LENGTH }) : undefined}
          onChange={(e) => setNext(e.currentTarget.value)}
        />
        <PasswordField
          label={t('security.passwordChange.confirm')}
          autoComplete="new-password"
          required
          value={confirm}
          error={mismatch ? t('security.passwordChange.mismatch') : undefined}
          onChange={(e) => setConfirm(e.currentTarget.value)}
        />
        <Group>
          <Button type="submit" loading={busy} disabled={!current || next.length < MIN_LENGTH || next !== confirm}>
            {t('security.passwordChange.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
