import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../ui/problem-message';

/** A delete that asks first, and says why it failed (a territory still in use, say). */
export function DeleteButton({ name, onConfirm }: { name: string; onConfirm: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      <Button
        size="xs"
        variant="default"
        aria-label={t('directory.deleteNamed', { name })}
        onClick={() => setOpened(true)}
      >
        {t('directory.delete')}
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('directory.deleteTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack>
          <Text>{t('directory.deleteConfirm', { name })}</Text>
          {error !== null && (
            <Alert color="red" role="alert">
              {problemMessage(error, t)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red.9"
              loading={busy}
              onClick={async () => {
                setBusy(true);
                setError(null);
                try {
                  await onConfirm();
                  setOpened(false);
                } catch (e) {
                  setError(e);
                } finally {
                  setBusy(false);
                }
              }}
            >
              {t('directory.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
