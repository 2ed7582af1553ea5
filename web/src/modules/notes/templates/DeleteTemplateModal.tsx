import type { TNoteTemplate } from '@dircab/contracts';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../../ui/problem-message';
import { notesApi } from '../notes-api';

interface Props {
  /** The template to delete; null keeps the dialog closed. */
  template: TNoteTemplate | null;
  onClose: () => void;
  onDeleted: () => Promise<unknown>;
}

/**
 * Asks before deleting a template, in a labelled dialog that keeps the focus (a browser
 * `confirm` box is neither translated by the app nor styled, and screen readers announce it badly).
 * The error stays in the dialog so the user can retry or cancel.
 */
export function DeleteTemplateModal({ template, onClose, onDeleted }: Props) {
  const { t } = useTranslation();
  const remove = useMutation({
    mutationFn: (x: TNoteTemplate) => notesApi.deleteTemplate(x.id),
    onSuccess: async () => {
      await onDeleted();
      onClose();
    },
  });
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Modal
      opened={template !== null}
      onClose={close}
      title={t('notes.templates.deleteTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {template && (
        <Stack>
          <Text size="sm">{t('notes.templates.confirmDelete', { name: template.name })}</Text>
          {remove.isError && (
            <Alert color="red" role="alert">
              {problemMessage(remove.error, t)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color="red.9" loading={remove.isPending} onClick={() => remove.mutate(template)}>
              {t('notes.templates.confirmDeleteButton')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
