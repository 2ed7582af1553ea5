import { TASK_STATUSES, type TTask, type TTaskStatus } from '@dircab/contracts';
import { Select } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notify } from '../../ui/notify';
import { problemMessage } from '../../ui/problem-message';
import { TASKS_KEY, taskKey, tasksApi } from './tasks-api';

/** Moves a task along (à faire, en cours, faite, annulée), for whoever the server lets. */
export function TaskStatusSelect({ task, hideLabel = false }: { task: TTask; hideLabel?: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: (status: TTaskStatus) => tasksApi.update(task.id, { status }),
    onSuccess: async (saved) => {
      notify('green', t('tasks.statusChanged', { title: saved.title, status: t(`tasks.statuses.${saved.status}`) }));
      queryClient.setQueryData(taskKey(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: TASKS_KEY });
    },
    onError: (error) => notify('red', problemMessage(error, t)),
  });
  const label = t('tasks.statusOf', { title: task.title });
  return (
    <Select
      {...(hideLabel ? { 'aria-label': label } : { label: t('tasks.fields.status') })}
      data={TASK_STATUSES.map((s) => ({ value: s, label: t(`tasks.statuses.${s}`) }))}
      value={task.status}
      onChange={(s) => s && s !== task.status && change.mutate(s as TTaskStatus)}
      allowDeselect={false}
      disabled={!task.policies.progress || change.isPending}
      size={hideLabel ? 'xs' : 'sm'}
      {...(hideLabel ? { w: 140 } : {})}
    />
  );
}
