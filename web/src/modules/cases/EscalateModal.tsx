import type { TCase } from '@dircab/contracts';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../ui/notify';
import { problemMessage } from '../../ui/problem-message';
import { fieldErrors } from '../directory/directory-rules';
import { CASES_KEY, caseKey, casesApi } from './cases-api';

interface Props {
  value: TCase;
  opened: boolean;
  onClose: () => void;
}

/** « Alerter le maire »: a short note that puts the case at the top of the executive's feed. */
export function EscalateModal({ value, opened, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const escalate = useMutation({
    mutationFn: () => casesApi.escalate(value.id, { note: note.trim() }),
    onSuccess: async (saved) => {
      notify('green', t('cases.escalate.done'));
      queryClient.setQueryData(caseKey(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: CASES_KEY });
      setNote('');
      onClose();
    },
  });
  const errors = fieldErrors(escalate.error);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('cases.escalate.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          escalate.mutate();
        }}
      >
        <Stack>
          <Text size="sm">{t('cases.escalate.help')}</Text>
          {escalate.isError && !errors.note && (
            <Alert color="red" role="alert">
              {problemMessage(escalate.error, t)}
            </Alert>
          )}
          <Textarea
            label={t('cases.escalate.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={1000}
            autosize
            minRows={3}
            required
            withAsterisk
            error={errors.note}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red.9" loading={escalate.isPending}>
              {t('cases.escalate.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
