import type { TCase } from '@dircab/contracts';
import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../ui/notify';
import { problemMessage } from '../../ui/problem-message';
import { CASES_KEY, caseKey, casesApi } from './cases-api';

interface Props {
  value: TCase;
  opened: boolean;
  onClose: () => void;
}

/** Closes a case (saying what came of it, kept in the timeline) or reopens a closed one. */
export function CaseStatusModal({ value, opened, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState('');
  const closed = value.status === 'closed';
  const change = useMutation({
    mutationFn: () =>
      closed ? casesApi.update(value.id, { status: 'in_progress' }) : casesApi.close(value.id, outcome),
    onSuccess: async (saved) => {
      notify('green', closed ? t('cases.status.reopened') : t('cases.status.closed'));
      queryClient.setQueryData(caseKey(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: CASES_KEY });
      onClose();
    },
  });
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={closed ? t('cases.status.reopen') : t('cases.status.close')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        {change.isError && (
          <Alert color="red" role="alert">
            {problemMessage(change.error, t)}
          </Alert>
        )}
        {!closed && (
          <Textarea
            label={t('cases.status.outcome')}
            value={outcome}
            onChange={(e) => setOutcome(e.currentTarget.value)}
            maxLength={2000}
            autosize
            minRows={2}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={change.isPending} onClick={() => change.mutate()}>
            {closed ? t('cases.status.reopen') : t('cases.status.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
