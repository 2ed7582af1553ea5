import type { TCreateContribution } from '@dircab/contracts';
import { Alert, Button, Group, SegmentedControl, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../../ui/notify';
import { problemMessage } from '../../../ui/problem-message';
import { useServiceOptions } from '../../correspondence/use-services';
import { fieldErrors } from '../../directory/directory-rules';
import { noteKey, notesApi } from '../notes-api';
import { PersonSelect } from '../PeoplePicker';

/** Asks a service or a person for a section by a date: the server makes it their task. */
export function RequestContributionForm({ noteId, onDone }: { noteId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const services = useServiceOptions();
  const [to, setTo] = useState<'service' | 'person'>('service');
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [userId, setUserId] = useState<string | null>(null);
  const [question, setQuestion] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const ask = useMutation({
    mutationFn: (body: TCreateContribution) => notesApi.requestContribution(noteId, body),
    onSuccess: async () => {
      notify('green', t('notes.contributions.asked'));
      await queryClient.invalidateQueries({ queryKey: noteKey(noteId) });
      onDone();
    },
    onError: (e) => setErrors(fieldErrors(e)),
  });
  const submit = () => {
    const next: Record<string, string> = {};
    if (to === 'service' && !serviceId) next.serviceId = t('notes.contributions.errors.service');
    if (to === 'person' && !userId) next.userId = t('notes.contributions.errors.person');
    if (!question.trim()) next.question = t('notes.contributions.errors.question');
    if (!dueDate) next.dueDate = t('notes.contributions.errors.dueDate');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    ask.mutate({
      ...(to === 'service' && serviceId ? { serviceId } : {}),
      ...(to === 'person' && userId ? { userId } : {}),
      question: question.trim(),
      dueDate,
    });
  };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack>
        {ask.isError && (
          <Alert color="red" role="alert" title={t('notes.contributions.failed')}>
            {problemMessage(ask.error, t)}
          </Alert>
        )}
        <SegmentedControl
          aria-label={t('notes.contributions.askOf')}
          value={to}
          onChange={(v) => setTo(v as 'service' | 'person')}
          data={[
            { value: 'service', label: t('notes.contributions.toService') },
            { value: 'person', label: t('notes.contributions.toPerson') },
          ]}
        />
        {to === 'service' ? (
          <Select
            label={t('notes.contributions.service')}
            data={services}
            value={serviceId}
            onChange={setServiceId}
            searchable
            error={errors.serviceId}
            required
          />
        ) : (
          <PersonSelect
            label={t('notes.contributions.person')}
            value={userId}
            onChange={setUserId}
            error={errors.userId}
            required
          />
        )}
        <Textarea
          label={t('notes.contributions.question')}
          value={question}
          onChange={(e) => setQuestion(e.currentTarget.value)}
          error={errors.question}
          autosize
          minRows={2}
          required
        />
        <TextInput
          type="date"
          label={t('notes.contributions.dueDate')}
          value={dueDate}
          onChange={(e) => setDueDate(e.currentTarget.value)}
          error={errors.dueDate}
          required
          w={200}
        />
        <Group>
          <Button type="submit" loading={ask.isPending}>
            {t('notes.contributions.send')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
