import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../ui/PasswordField';
import { problemMessage } from '../../ui/problem-message';
import { authApi } from './auth-api';

interface Credentials {
  email: string;
  password: string;
}

interface Props {
  /** Called once the password is accepted; `needsTotp` when a second factor is required. */
  onSuccess: (needsTotp: boolean) => void;
}

export function CredentialsForm({ onSuccess }: Props) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Two fields checked on submit: plain state, so that @mantine/form (~6 KB gzip) stays out
  // of the sign-in page's bundle (issue 7).
  const [values, setValues] = useState<Credentials>({ email: '', password: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof Credentials, string>>>({});

  const change = (field: keyof Credentials) => (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setValues((current) => ({ ...current, [field]: value }));
    // As a form library would: the field's complaint goes once it is edited.
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = {
      email: /^\S+@\S+\.\S+$/.test(values.email.trim()) ? undefined : t('signIn.emailInvalid'),
      password: values.password ? undefined : t('signIn.passwordRequired'),
    };
    setErrors(found);
    if (found.email || found.password) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await authApi.signIn(values.email.trim(), values.password);
      onSuccess(answer?.twoFactorRedirect === true);
    } catch (e) {
      setError(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        {error && (
          <Alert color="red" role="alert" title={t('signIn.failed')}>
            {error}
          </Alert>
        )}
        <TextInput
          label={t('signIn.email')}
          type="email"
          autoComplete="username"
          required
          value={values.email}
          onChange={change('email')}
          error={errors.email}
        />
        <PasswordField
          label={t('signIn.password')}
          autoComplete="current-password"
          required
          value={values.password}
          onChange={change('password')}
          error={errors.password}
        />
        <Button type="submit" loading={busy} fullWidth>
          {t('signIn.submit')}
        </Button>
      </Stack>
    </form>
  );
}
