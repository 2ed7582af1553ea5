import { Box, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { takeChoiceBeforeSignIn } from '../../i18n/i18n';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { usePageTitle } from '../../ui/use-page-title';
import { meApi } from '../api/me-api';
import { ME_KEY, useMeQuery } from '../api/use-me';
import { CredentialsForm } from './CredentialsForm';
import { safeNext } from './safe-next';
import { TotpForm } from './TotpForm';

export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('signIn.title'));
  const [step, setStep] = useState<'credentials' | 'totp'>('credentials');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMeQuery();
  const next = safeNext(params.get('next'));

  if (me.data) return <Navigate to={next} replace />;

  const done = async () => {
    // A language chosen here goes to the account, which otherwise sets the language.
    const choice = takeChoiceBeforeSignIn();
    if (choice) await meApi.saveLocale(choice).catch(() => undefined);
    await queryClient.invalidateQueries({ queryKey: ME_KEY });
    navigate(next, { replace: true });
  };

  return (
    <Box component="main" id="main" py="xl" px="md">
      <Container size={420}>
        <Group justify="flex-end" mb="sm">
          <LanguageSwitch />
        </Group>
        <Stack gap={4} mb="lg" align="center">
          <Text fw={700} size="xl" c="blue.9">
            Dircab
          </Text>
          <Title order={1} size="h2" ta="center">
            {step === 'credentials' ? t('signIn.title') : t('signIn.totpTitle')}
          </Title>
          <Text c="dimmed" size="sm" ta="center">
            {t('signIn.subtitle')}
          </Text>
        </Stack>
        <Paper withBorder shadow="sm" p="lg" radius="md">
          {step === 'credentials' ? (
            <CredentialsForm onSuccess={(needsTotp) => (needsTotp ? setStep('totp') : void done())} />
          ) : (
            <TotpForm onSuccess={() => void done()} onCancel={() => setStep('credentials')} />
          )}
        </Paper>
      </Container>
    </Box>
  );
}
