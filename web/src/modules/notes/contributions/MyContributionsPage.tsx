import type { TContribution } from '@dircab/contracts';
import { Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../../ui/ErrorState';
import { usePageTitle } from '../../../ui/use-page-title';
import { formatDay } from '../../correspondence/correspondence-rules';
import { NotesNav } from '../NotesNav';
import { contributionPath } from '../note-rules';
import { MY_CONTRIBUTIONS_KEY, myContributionTasks, notesApi } from '../notes-api';

/**
 * The sections asked of the actor or of their service. A contribution is a task linked to the
 * note; the note's contributions the actor may write are theirs (a contributor sees the note's
 * title and their own section only).
 */
async function myContributions(): Promise<TContribution[]> {
  const tasks = await myContributionTasks();
  const noteIds = [...new Set(tasks.flatMap((task) => (task.link ? [task.link.id] : [])))];
  const taskIds = new Set(tasks.map((task) => task.id));
  const lists = await Promise.all(noteIds.map((id) => notesApi.contributions(id).catch(() => ({ data: [] }))));
  return lists.flatMap((l) => l.data).filter((c) => c.taskId !== null && taskIds.has(c.taskId));
}

export function MyContributionsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('notes.mine.title'));
  const list = useQuery({ queryKey: MY_CONTRIBUTIONS_KEY, queryFn: myContributions });
  const rows = [...(list.data ?? [])].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  return (
    <Stack>
      <Title order={1}>{t('notes.mine.title')}</Title>
      <NotesNav />
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && rows.length === 0 && <Text c="dimmed">{t('notes.mine.empty')}</Text>}
      {rows.length > 0 && (
        <Table verticalSpacing={6}>
          <Table.Caption>{t('notes.mine.caption', { count: rows.length })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('notes.fields.title')}</Table.Th>
              <Table.Th scope="col">{t('notes.contributions.question')}</Table.Th>
              <Table.Th scope="col">{t('notes.contributions.dueDate')}</Table.Th>
              <Table.Th scope="col">{t('notes.contributions.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Anchor component={Link} to={contributionPath(c.noteId, c.id)} fw={500}>
                    {c.noteTitle}
                  </Anchor>
                </Table.Td>
                <Table.Td>{c.question}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(c.dueDate, i18n.language)}</Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="outline" color="gray.8">
                    {t(`notes.contributions.statuses.${c.status}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
