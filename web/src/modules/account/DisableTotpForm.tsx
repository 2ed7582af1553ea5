import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ME_KEY } from '../../app/api/use-me';
import { notify } from '../../ui/notify';
import { problemMessage } from '../../ui/problem-message';
import { PasswordStep } from './PasswordStep';
import { totpApi } from './totp-api';

export function DisableTotpForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const disable = async (password: string) => {
    setBusy(true);
    setError(null);
    try {
      await totpApi.disable(password);
      notify('green', t('security.totp.disabled'));
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
    } catch (e) {
      setError(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <PasswordStep submitLabel={t('security.totp.disable')} color="red.9" error={error} busy={busy} onSubmit={disable} />
  );
}
