import type { TAnswerNote, TNote } from '@dircab/contracts';
import { Alert, Button, Fieldset, Group, SegmentedControl, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../../ui/notify';
import { problemMessage } from '../../../ui/problem-message';
import { useServiceOptions } from '../../correspondence/use-services';
import { fieldErrors } from '../../directory/directory-rules';
import { DECISIONS_KEY, NOTES_KEY, noteKey, notesApi } from '../notes-api';
import { PersonSelect } from '../PeoplePicker';
import { type ActionDraft, answerBody, checkDecision, emptyAction } from './decision-draft';

/** The addressee answers the note: what is decided, and the actions (tasks) that follow, each by a date. */
export function DecisionForm({ note, onDone }: { note: TNote; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const services = useServiceOptions();
  const [decision, setDecision] = useState('');
  const [detail, setDetail] = useState('');
  const [actions, setActions] = useState<ActionDraft[]>([emptyAction(1)]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const answer = useMutation({
    mutationFn: (body: TAnswerNote) => notesApi.answer(note.id, body),
    onSuccess: async (saved) => {
      queryClient.setQueryData(noteKey(note.id), saved);
      notify('green', t('notes.decision.done'));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: NOTES_KEY }),
        queryClient.invalidateQueries({ queryKey: DECISIONS_KEY }),
      ]);
      onDone();
    },
    onError: (e) => setErrors(fieldErrors(e)),
  });
  const change = (key: number, patch: Partial<ActionDraft>) =>
    setActions((all) => all.map((a) => (a.key === key ? { ...a, ...patch } : a)));
  const submit = () => {
    const next = checkDecision(decision, actions, t);
    setErrors(next);
    if (Object.keys(next).length === 0) answer.mutate(answerBody(decision, detail, actions));
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
        {answer.isError && (
          <Alert color="red" role="alert" title={t('notes.decision.failed')}>
            {problemMessage(answer.error, t)}
          </Alert>
        )}
        <Textarea
          label={t('notes.decision.decision')}
          description={t('notes.decision.decisionHelp')}
          value={decision}
          onChange={(e) => setDecision(e.currentTarget.value)}
          error={errors.decision}
          autosize
          minRows={2}
          required
        />
        <Textarea
          label={t('notes.decision.detail')}
          value={detail}
          onChange={(e) => setDetail(e.currentTarget.value)}
          error={errors.detail}
          autosize
          minRows={2}
        />
        {actions.map((a, i) => {
          const n = i + 1;
          const serviceError = errors[`actions.${i}.assigneeServiceId`];
          return (
            <Fieldset key={a.key} legend={t('notes.decision.action', { number: n })}>
              <Stack gap="xs">
                <TextInput
                  label={t('notes.decision.actionTitle', { number: n })}
                  value={a.title}
                  onChange={(e) => change(a.key, { title: e.currentTarget.value })}
                  error={errors[`actions.${i}.title`]}
                  required
                />
                <SegmentedControl
                  aria-label={t('notes.decision.assignTo', { number: n })}
                  value={a.to}
                  onChange={(to) => change(a.key, { to: to as ActionDraft['to'] })}
                  data={[
                    { value: 'service', label: t('notes.contributions.toService') },
                    { value: 'person', label: t('notes.contributions.toPerson') },
                  ]}
                  style={{ alignSelf: 'flex-start' }}
                />
                {a.to === 'service' ? (
                  <Select
                    label={t('notes.decision.service', { number: n })}
                    data={services}
                    value={a.serviceId}
                    onChange={(serviceId) => change(a.key, { serviceId })}
                    searchable
                    error={serviceError}
                    required
                  />
                ) : (
                  <PersonSelect
                    label={t('notes.decision.person', { number: n })}
                    value={a.userId}
                    onChange={(userId) => change(a.key, { userId })}
                    error={serviceError ?? errors[`actions.${i}.assigneeUserId`]}
                    required
                  />
                )}
                <TextInput
                  type="date"
                  label={t('notes.decision.dueDate', { number: n })}
                  value={a.dueDate}
                  onChange={(e) => change(a.key, { dueDate: e.currentTarget.value })}
                  error={errors[`actions.${i}.dueDate`]}
                  required
                  w={220}
                />
                <Button
                  variant="default"
                  size="xs"
                  style={{ alignSelf: 'flex-start' }}
                  onClick={() => setActions((all) => all.filter((x) => x.key !== a.key))}
                >
                  {t('notes.decision.removeAction', { number: n })}
                </Button>
              </Stack>
            </Fieldset>
          );
        })}
        <Group>
          <Button
            variant="default"
            onClick={() => setActions((all) => [...all, emptyAction(Math.max(0, ...all.map((x) => x.key)) + 1)])}
          >
            {t('notes.decision.addAction')}
          </Button>
        </Group>
        <Group>
          <Button type="submit" loading={answer.isPending}>
            {t('notes.decision.submit')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
