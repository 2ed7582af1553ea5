import type { TNote } from '@dircab/contracts';
import { Button, Group } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../../ui/notify';
import { Panel } from '../../../ui/Panel';
import { problemMessage } from '../../../ui/problem-message';
import { NOTES_KEY, noteKey, notesApi } from '../notes-api';
import { DecisionForm } from './DecisionForm';

/** The addressee's reading: mark the note read, answer it with a decision. */
export function ReadingActions({ note }: { note: TNote }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [answering, setAnswering] = useState(false);
  const markRead = useMutation({
    mutationFn: () => notesApi.markRead(note.id),
    onSuccess: async (saved) => {
      queryClient.setQueryData(noteKey(note.id), saved);
      notify('green', t('notes.reading.markedRead'));
      await queryClient.invalidateQueries({ queryKey: NOTES_KEY });
    },
    onError: (e) => notify('red', problemMessage(e, t)),
  });
  if (!note.policies.markRead && !note.policies.answer) return null;
  return (
    <Panel title={t('notes.reading.title')}>
      {answering ? (
        <DecisionForm note={note} onDone={() => setAnswering(false)} />
      ) : (
        <Group>
          {note.policies.markRead && (
            <Button variant="default" loading={markRead.isPending} onClick={() => markRead.mutate()}>
              {t('notes.reading.markRead')}
            </Button>
          )}
          {note.policies.answer && <Button onClick={() => setAnswering(true)}>{t('notes.reading.answer')}</Button>}
        </Group>
      )}
    </Panel>
  );
}
