import { Button, CopyButton, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  codes: string[];
}

export function BackupCodes({ codes }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t('security.totp.backupTitle')}
      </Text>
      <Text size="sm">{t('security.totp.backupHelp')}</Text>
      <List ff="monospace" size="sm" aria-label={t('security.totp.backupTitle')}>
        {codes.map((code) => (
          <List.Item key={code}>{code}</List.Item>
        ))}
      </List>
      <CopyButton value={codes.join('\n')}>
        {({ copied, copy }) => (
          <Button variant="default" size="compact-sm" onClick={copy} style={{ alignSelf: 'flex-start' }}>
            {copied ? t('common.copied') : t('security.totp.copyBackup')}
          </Button>
        )}
      </CopyButton>
    </Stack>
  );
}
