import type { TCreateAnnotation, TNote } from '@dircab/contracts';
import { Blockquote, Button, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../ui/ErrorState';
import { formatDateTime } from '../../../ui/format';
import { useMe } from '../../../ui/me-context';
import { notify } from '../../../ui/notify';
import { Panel } from '../../../ui/Panel';
import { fieldErrors } from '../../directory/directory-rules';
import { noteKey, notesApi } from '../notes-api';

/** The words selected inside the note's text, if the selection is there. */
function selectedQuote(textId: string): string {
  const selection = window.getSelection();
  const text = document.getElementById(textId);
  if (!selection || selection.isCollapsed || !text || !selection.anchorNode) return '';
  return text.contains(selection.anchorNode) ? selection.toString().trim().slice(0, 2000) : '';
}

/** Margin comments: each on the words of the note it is about (the reader selects them). */
export function AnnotationsPanel({ note, textId }: { note: TNote; textId: string }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const key = [...noteKey(note.id), 'annotations'];
  const annotations = useQuery({ queryKey: key, queryFn: () => notesApi.annotations(note.id) });
  const [quote, setQuote] = useState('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const annotate = useMutation({
    mutationFn: (body: TCreateAnnotation) => notesApi.annotate(note.id, body),
    onSuccess: async () => {
      notify('green', t('notes.annotations.added'));
      setQuote('');
      setComment('');
      await queryClient.invalidateQueries({ queryKey: key });
    },
    onError: (e) => setErrors(fieldErrors(e)),
  });
  const submit = () => {
    const next: Record<string, string> = {};
    if (!quote.trim()) next.quote = t('notes.annotations.errors.quote');
    if (!comment.trim()) next.comment = t('notes.annotations.errors.comment');
    setErrors(next);
    if (Object.keys(next).length === 0) annotate.mutate({ quote: quote.trim(), comment: comment.trim() });
  };
  const list = annotations.data?.data ?? [];
  return (
    <Panel title={t('notes.annotations.title')}>
      <Stack>
        {annotations.isError && <ErrorState error={annotations.error} />}
        {annotations.isSuccess && list.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('notes.annotations.none')}
          </Text>
        )}
        {list.map((a) => (
          <Stack key={a.id} gap={2}>
            <Blockquote p="xs" color="gray.8" fz="sm">
              {a.quote}
            </Blockquote>
            <Text size="sm">{a.comment}</Text>
            <Text size="xs" c="gray.8">
              {formatDateTime(a.createdAt, me.organisation.timeZone, i18n.language)}
            </Text>
          </Stack>
        ))}
        {note.policies.annotate && (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            <Stack gap="xs">
              <Button
                variant="default"
                size="xs"
                // Keeps the text's selection: a mousedown on a button would clear it first.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => setQuote(selectedQuote(textId) || quote)}
              >
                {t('notes.annotations.useSelection')}
              </Button>
              <Textarea
                label={t('notes.annotations.quote')}
                description={t('notes.annotations.quoteHelp')}
                value={quote}
                onChange={(e) => setQuote(e.currentTarget.value)}
                error={errors.quote}
                autosize
                minRows={2}
                required
              />
              <Textarea
                label={t('notes.annotations.comment')}
                value={comment}
                onChange={(e) => setComment(e.currentTarget.value)}
                error={errors.comment}
                autosize
                minRows={2}
                required
              />
              <Button type="submit" loading={annotate.isPending} style={{ alignSelf: 'flex-start' }}>
                {t('notes.annotations.add')}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Panel>
  );
}
