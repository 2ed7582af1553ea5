import type { TDecisionItem } from '@dircab/contracts';
import { Anchor, Badge, Card, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../../ui/ErrorState';
import { formatDay } from '../../correspondence/correspondence-rules';
import { useServiceNames } from '../../correspondence/use-services';
import { notePath } from '../note-rules';
import { DECISIONS_KEY, decisionsApi } from '../notes-api';
import { usePersonName } from '../use-people';

const TASK_STATUS_COLOR = { todo: 'indigo.9', in_progress: 'blue.9', done: 'teal.9', cancelled: 'gray.8' } as const;

/** One decision: what, by whom, when, on which note or case, and its actions with their state. */
export function DecisionCard({ decision: d }: { decision: TDecisionItem }) {
  const { t, i18n } = useTranslation();
  const personName = usePersonName();
  const serviceName = useServiceNames();
  const actions = useQuery({
    queryKey: [...DECISIONS_KEY, 'actions', d.id, d.progress.done],
    queryFn: () => decisionsApi.actions(d.id),
  });
  const headingId = `decision-${d.id}`;
  const tasks = actions.data?.data ?? [];
  return (
    <Card withBorder component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Title order={2} size="h4" id={headingId}>
            {d.title}
          </Title>
          <Group gap="xs">
            {d.overdue && (
              <Badge color="red.9" variant="filled">
                {t('notes.decisions.overdue')}
              </Badge>
            )}
            {d.done && (
              <Badge color="teal.9" variant="filled">
                {t('notes.decisions.done')}
              </Badge>
            )}
          </Group>
        </Group>
        <Text size="sm">
          {t('notes.decisions.byline', {
            by: personName(d.decidedById) || '—',
            on: formatDay(d.decidedOn, i18n.language),
          })}
          {d.noteId && (
            <>
              {' · '}
              <Anchor component={Link} to={notePath(d.noteId)} size="sm">
                {t('notes.decisions.seeNote')}
              </Anchor>
            </>
          )}
          {d.caseId && (
            <>
              {' · '}
              <Anchor component={Link} to={`/cases/${d.caseId}`} size="sm">
                {t('notes.decisions.seeCase')}
              </Anchor>
            </>
          )}
        </Text>
        {d.detail && <Text size="sm">{d.detail}</Text>}
        {d.progress.total > 0 && (
          <Stack gap={2}>
            <Text size="sm">{t('notes.decisions.progress', { done: d.progress.done, total: d.progress.total })}</Text>
            <Progress
              value={(100 * d.progress.done) / d.progress.total}
              aria-label={t('notes.decisions.progress', { done: d.progress.done, total: d.progress.total })}
            />
          </Stack>
        )}
        {actions.isError && <ErrorState error={actions.error} />}
        {tasks.length > 0 && (
          <Table verticalSpacing={4}>
            <Table.Caption>{t('notes.decisions.actions')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('notes.decisions.action')}</Table.Th>
                <Table.Th scope="col">{t('notes.decisions.assignee')}</Table.Th>
                <Table.Th scope="col">{t('notes.decisions.dueDate')}</Table.Th>
                <Table.Th scope="col">{t('notes.decisions.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tasks.map((task) => (
                <Table.Tr key={task.id}>
                  <Table.Td>{task.title}</Table.Td>
                  <Table.Td>
                    {task.assigneeServiceId
                      ? (serviceName.get(task.assigneeServiceId) ?? '')
                      : personName(task.assigneeUserId)}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {task.dueDate && (
                      <Text size="sm" c={task.overdue ? 'red.9' : undefined} fw={task.overdue ? 700 : undefined}>
                        {formatDay(task.dueDate, i18n.language)}
                        {task.overdue && ` · ${t('notes.overdue')}`}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="filled" color={TASK_STATUS_COLOR[task.status]}>
                      {t(`notes.decisions.taskStatuses.${task.status}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
