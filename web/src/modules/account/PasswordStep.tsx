import { Alert, Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../ui/PasswordField';

interface Props {
  submitLabel: string;
  color?: string;
  error: string | null;
  busy: boolean;
  onSubmit: (password: string) => void;
}

/** better-auth asks for the password again before changing the second factor. */
export function PasswordStep({ submitLabel, color, error, busy, onSubmit }: Props) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (password) onSubmit(password);
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
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        <Group>
          <Button type="submit" loading={busy} disabled={!password} {...(color ? { color } : {})}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
