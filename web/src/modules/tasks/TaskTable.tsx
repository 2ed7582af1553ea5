import type { TTask } from '@dircab/contracts';
import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../ui/me-context';
import { TableScroller } from '../../ui/TableScroller';
import { useMemberNames } from '../cases/use-member-options';
import { useServiceNames } from '../correspondence/use-services';
import { TaskStatusSelect } from './TaskStatusSelect';
import { linkedRecordPath, taskPath } from './tasks-api';

/** Tasks by due date, the late ones flagged, each movable by whoever may. */
export function TaskTable({ tasks, caption }: { tasks: TTask[]; caption: string }) {
  const { t } = useTranslation();
  const assignee = useAssigneeName(tasks);
  return (
    <TableScroller label={caption} minWidth={760}>
      <Table striped highlightOnHover>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('tasks.fields.title')}</Table.Th>
            <Table.Th scope="col">{t('tasks.fields.dueDate')}</Table.Th>
            <Table.Th scope="col">{t('tasks.fields.assignee')}</Table.Th>
            <Table.Th scope="col">{t('tasks.fields.about')}</Table.Th>
            <Table.Th scope="col">{t('tasks.fields.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((task) => (
            <Table.Tr key={task.id}>
              <Table.Td>
                <Anchor component={Link} to={taskPath(task.id)} fw={500}>
                  {task.title}
                </Anchor>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <DueDate task={task} />
              </Table.Td>
              <Table.Td>{assignee(task)}</Table.Td>
              <Table.Td>
                {task.link && (
                  <Anchor component={Link} to={linkedRecordPath(task.link)} size="sm">
                    {t(`tasks.linkKinds.${task.link.kind}`)}
                  </Anchor>
                )}
              </Table.Td>
              <Table.Td>
                <TaskStatusSelect task={task} hideLabel />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroller>
  );
}

/** The due date, with « en retard » in words (not colour alone) when it has passed. */
export function DueDate({ task }: { task: TTask }) {
  const { t } = useTranslation();
  if (!task.dueDate) return <Text size="sm">{t('tasks.noDueDate')}</Text>;
  return (
    <>
      {task.dueDate}
      {task.overdue && (
        <Badge ml="xs" size="sm" color="red.9" variant="filled">
          {t('tasks.overdue')}
        </Badge>
      )}
    </>
  );
}

/** Who holds a task, in words: « vous », a service's name, or a member's name when readable. */
export function useAssigneeName(tasks: readonly TTask[]): (task: TTask) => string {
  const { t } = useTranslation();
  const me = useMe();
  const services = useServiceNames();
  const names = useMemberNames(tasks.flatMap((x) => (x.assigneeUserId ? [x.assigneeUserId] : [])));
  return (task) => {
    if (task.assigneeUserId === me.user.id) return t('tasks.you');
    if (task.assigneeUserId) return names.get(task.assigneeUserId) ?? t('tasks.someone');
    if (task.assigneeServiceId) return services.get(task.assigneeServiceId) ?? t('tasks.aService');
    return t('tasks.nobody');
  };
}
