import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { problemMessage } from './problem-message';

interface Props {
  error: unknown;
  onRetry?: () => void;
}

/** A failed load or a crash, said plainly, with a way to try again. */
export function ErrorState({ error, onRetry }: Props) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={t('errors.title')} role="alert" m="md">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{problemMessage(error, t)}</Text>
        {onRetry && (
          <Button variant="default" size="xs" onClick={onRetry}>
            {t('errors.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
