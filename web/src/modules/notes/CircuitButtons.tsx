import { NOTE_TRANSITIONS, type TNote, type TNoteTransition } from '@dircab/contracts';
import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../ui/notify';
import { problemMessage } from '../../ui/problem-message';
import { fieldErrors } from '../directory/directory-rules';
import { NOTES_KEY, noteKey, notesApi } from './notes-api';

/**
 * The circuit's buttons (submit, return, validate, transmit): only those the server's
 * `policies` allow the actor on this note. A return asks why, for the author.
 */
export function CircuitButtons({ note }: { note: TNote }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | undefined>();
  const move = useMutation({
    mutationFn: (body: { action: TNoteTransition; comment?: string }) => notesApi.transition(note.id, body),
    onSuccess: async (saved, body) => {
      queryClient.setQueryData(noteKey(note.id), saved);
      notify('green', t(`notes.circuit.done.${body.action}`));
      setReturning(false);
      setComment('');
      await queryClient.invalidateQueries({ queryKey: NOTES_KEY });
    },
    onError: (e) => {
      const fields = fieldErrors(e);
      if (fields.comment) setError(fields.comment);
      else notify('red', problemMessage(e, t));
    },
  });
  const allowed = NOTE_TRANSITIONS.filter((action) => note.policies[action] === true);
  if (allowed.length === 0) return null;
  return (
    <>
      <Group gap="xs">
        {allowed.map((action) => (
          <Button
            key={action}
            variant={action === 'return' ? 'default' : 'filled'}
            loading={move.isPending && move.variables?.action === action}
            onClick={() => (action === 'return' ? setReturning(true) : move.mutate({ action }))}
          >
            {t(`notes.circuit.${action}`)}
          </Button>
        ))}
      </Group>
      <Modal opened={returning} onClose={() => setReturning(false)} title={t('notes.circuit.returnTitle')}>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!comment.trim()) {
              setError(t('notes.circuit.returnRequired'));
              return;
            }
            move.mutate({ action: 'return', comment: comment.trim() });
          }}
        >
          <Stack>
            <Textarea
              label={t('notes.circuit.returnComment')}
              value={comment}
              onChange={(e) => {
                setComment(e.currentTarget.value);
                setError(undefined);
              }}
              error={error}
              autosize
              minRows={3}
              required
              data-autofocus
            />
            <Group>
              <Button type="submit" loading={move.isPending}>
                {t('notes.circuit.return')}
              </Button>
              <Button variant="default" onClick={() => setReturning(false)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
