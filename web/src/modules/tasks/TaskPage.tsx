import type { TTask } from '@dircab/contracts';
import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api/http';
import { ErrorState } from '../../ui/ErrorState';
import { formatDateTime } from '../../ui/format';
import { useMe } from '../../ui/me-context';
import { Panel } from '../../ui/Panel';
import { usePageTitle } from '../../ui/use-page-title';
import { ReassignForm } from './ReassignForm';
import { TaskStatusSelect } from './TaskStatusSelect';
import { DueDate, useAssigneeName } from './TaskTable';
import { linkedRecordPath, TASKS_PATH, taskKey, tasksApi } from './tasks-api';

/** One task: what, for whom, by when, about what; its status and, for those allowed, its holder. */
export function TaskPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const found = useQuery({ queryKey: taskKey(id), queryFn: () => tasksApi.get(id), retry: false });
  const missing = found.error instanceof ApiError && (found.error.status === 404 || found.error.status === 400);
  usePageTitle(found.data?.title ?? (missing ? t('tasks.notFound.title') : t('modules.tasks.label')));
  if (missing) {
    return (
      <Stack align="flex-start" maw={640}>
        <Title order={1}>{t('tasks.notFound.title')}</Title>
        <Alert color="gray" role="alert">
          {t('tasks.notFound.body')}
        </Alert>
        <Button component={Link} to={TASKS_PATH}>
          {t('tasks.backToList')}
        </Button>
      </Stack>
    );
  }
  if (found.isError) return <ErrorState error={found.error} onRetry={() => void found.refetch()} />;
  if (!found.data) return <Text>{t('common.loading')}</Text>;
  return <TaskView task={found.data} />;
}

function TaskView({ task }: { task: TTask }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const assignee = useAssigneeName([task]);
  const [reassigning, setReassigning] = useState(false);
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={TASKS_PATH} size="sm">
        {t('tasks.backToList')}
      </Anchor>
      <div>
        <Title order={1}>{task.title}</Title>
        <Text c="dimmed">{t(`tasks.statuses.${task.status}`)}</Text>
      </div>
      <Panel title={t('tasks.details')}>
        <Stack gap="sm">
          <Line label={t('tasks.fields.assignee')}>{assignee(task)}</Line>
          <Line label={t('tasks.fields.dueDate')}>
            <DueDate task={task} />
          </Line>
          <Line label={t('tasks.fields.about')}>
            {task.link ? (
              <Anchor component={Link} to={linkedRecordPath(task.link)}>
                {t('tasks.openRecord', { kind: t(`tasks.linkKinds.${task.link.kind}`) })}
              </Anchor>
            ) : (
              t('tasks.noRecord')
            )}
          </Line>
          <Line label={t('tasks.fields.createdAt')}>
            {formatDateTime(task.createdAt, me.organisation.timeZone, i18n.language)}
          </Line>
          {task.description && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {task.description}
            </Text>
          )}
          <Group align="flex-end">
            <TaskStatusSelect task={task} />
            {task.policies.update && !reassigning && (
              <Button variant="default" onClick={() => setReassigning(true)}>
                {t('tasks.reassign.open')}
              </Button>
            )}
          </Group>
          {reassigning && <ReassignForm task={task} onDone={() => setReassigning(false)} />}
        </Stack>
      </Panel>
    </Stack>
  );
}

function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text size="sm" component="div">
      <Text span fw={600}>
        {label} :
      </Text>{' '}
      {children}
    </Text>
  );
}
