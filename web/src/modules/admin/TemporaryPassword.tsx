import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface Props {
  name: string;
  email: string;
  password: string;
}

/** The server returns it once and keeps only its hash: this is the only time to see it. */
export function TemporaryPassword({ name, email, password }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Alert color="green" title={t('admin.create.done', { name })} role="status">
        <Text size="sm">{t('admin.create.handOver', { email })}</Text>
      </Alert>
      <Text size="sm" fw={500} id="temporary-password-label">
        {t('admin.create.temporaryPassword')}
      </Text>
      <Group gap="sm">
        <Code fz="lg" aria-labelledby="temporary-password-label" data-testid="temporary-password">
          {password}
        </Code>
        <CopyButton value={password}>
          {({ copied, copy }) => (
            <Button
              variant="default"
              size="compact-sm"
              onClick={copy}
              leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
            >
              {copied ? t('common.copied') : t('common.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Text size="sm" c="dimmed">
        {t('admin.create.onlyOnce')}
      </Text>
    </Stack>
  );
}
