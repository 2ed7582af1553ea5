import type { TTask } from '@dircab/contracts';
import { Alert, Button, Group, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../ui/notify';
import { problemMessage } from '../../ui/problem-message';
import { MemberSelect } from '../cases/MemberMultiSelect';
import { useServiceOptions } from '../correspondence/use-services';
import { fieldErrors } from '../directory/directory-rules';
import { TASKS_KEY, taskKey, tasksApi } from './tasks-api';

/** Hands the task to another person or service, or moves its due date (creator and heads). */
export function ReassignForm({ task, onDone }: { task: TTask; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const services = useServiceOptions();
  const [kind, setKind] = useState<'person' | 'service'>(task.assigneeServiceId ? 'service' : 'person');
  const [userId, setUserId] = useState<string | null>(task.assigneeUserId);
  const [serviceId, setServiceId] = useState<string | null>(task.assigneeServiceId);
  const [dueDate, setDueDate] = useState(task.dueDate ?? '');
  const save = useMutation({
    mutationFn: () =>
      tasksApi.update(task.id, {
        ...(kind === 'person' ? { assigneeUserId: userId } : { assigneeServiceId: serviceId }),
        dueDate: dueDate || null,
      }),
    onSuccess: async (saved) => {
      notify('green', t('tasks.reassign.done'));
      queryClient.setQueryData(taskKey(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: TASKS_KEY });
      onDone();
    },
  });
  const errors = fieldErrors(save.error);
  return (
    <form
      aria-label={t('tasks.reassign.open')}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack>
        {save.isError && (
          <Alert color="red" role="alert">
            {problemMessage(save.error, t)}
          </Alert>
        )}
        <SegmentedControl
          aria-label={t('tasks.fields.assigneeKind')}
          value={kind}
          onChange={(v) => setKind(v as 'person' | 'service')}
          data={[
            { value: 'person', label: t('tasks.form.toPerson') },
            { value: 'service', label: t('tasks.form.toService') },
          ]}
          style={{ alignSelf: 'flex-start' }}
        />
        <Group align="flex-start" grow>
          {kind === 'person' ? (
            <MemberSelect
              label={t('tasks.fields.assignee')}
              value={userId}
              onChange={setUserId}
              error={errors.assigneeUserId}
            />
          ) : (
            <Select
              label={t('tasks.fields.service')}
              data={services}
              value={serviceId}
              onChange={setServiceId}
              searchable
              clearable
              nothingFoundMessage={t('tasks.nothing')}
              error={errors.assigneeServiceId}
            />
          )}
          <TextInput
            type="date"
            label={t('tasks.fields.dueDate')}
            value={dueDate}
            onChange={(e) => setDueDate(e.currentTarget.value)}
            error={errors.dueDate}
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
