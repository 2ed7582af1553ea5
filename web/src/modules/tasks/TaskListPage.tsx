import { TASK_STATUSES, type TTaskStatus } from '@dircab/contracts';
import { Button, Group, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorState } from '../../ui/ErrorState';
import { LoadMoreButton } from '../../ui/LoadMoreButton';
import { useMe } from '../../ui/me-context';
import { usePageTitle } from '../../ui/use-page-title';
import { TaskFormModal } from './TaskFormModal';
import { TaskTable } from './TaskTable';
import { canCreateTask } from './task-rules';
import { TASK_SCREEN_VIEWS, type TaskScreenView, taskPath, tasksApi, tasksKey } from './tasks-api';

const LIMIT = 50;

/** « Mes tâches », « Tâches de mon service », those I handed out, all I may see. */
export function TaskListPage() {
  const { t } = useTranslation();
  usePageTitle(t('modules.tasks.label'));
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const requested = params.get('view') as TaskScreenView | null;
  const view: TaskScreenView = requested && TASK_SCREEN_VIEWS.includes(requested) ? requested : 'mine';
  const [status, setStatus] = useState<TTaskStatus | ''>('');
  const [creating, setCreating] = useState(false);
  const list = useInfiniteQuery({
    queryKey: tasksKey(view, status),
    queryFn: ({ pageParam }) => tasksApi.list(view, status, LIMIT, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const tasks = list.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{t('modules.tasks.label')}</Title>
          <Text c="dimmed">{t('tasks.intro')}</Text>
        </div>
        {canCreateTask(me.role) && (
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
            {t('tasks.new')}
          </Button>
        )}
      </Group>
      <Tabs value={view} onChange={(v) => v && setParams({ view: v })}>
        <Tabs.List aria-label={t('tasks.views.label')}>
          {TASK_SCREEN_VIEWS.map((v) => (
            <Tabs.Tab key={v} value={v}>
              {t(`tasks.views.${v}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Select
        label={t('tasks.fields.status')}
        data={TASK_STATUSES.map((s) => ({ value: s, label: t(`tasks.statuses.${s}`) }))}
        value={status || null}
        onChange={(s) => setStatus((s ?? '') as TTaskStatus | '')}
        clearable
        placeholder={t('tasks.anyStatus')}
        maw={260}
      />
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && <Text>{t('common.loading')}</Text>}
      {list.isSuccess && tasks.length === 0 && <Text>{t(`tasks.empty.${view}`)}</Text>}
      {tasks.length > 0 && <TaskTable tasks={tasks} caption={t(`tasks.views.${view}`)} />}
      <LoadMoreButton query={list} />
      <TaskFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        onSaved={(task) => navigate(taskPath(task.id))}
      />
    </Stack>
  );
}
