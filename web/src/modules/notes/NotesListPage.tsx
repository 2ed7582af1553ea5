import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../ui/ErrorState';
import { formatDateTime } from '../../ui/format';
import { LoadMoreButton } from '../../ui/LoadMoreButton';
import { useMe } from '../../ui/me-context';
import { TableScroller } from '../../ui/TableScroller';
import { usePageTitle } from '../../ui/use-page-title';
import { NoteFiltersBar } from './NoteFiltersBar';
import { NotesNav } from './NotesNav';
import { canWriteNotes, notePath, noteStatusColor } from './note-rules';
import { NOTES_KEY, notesApi } from './notes-api';
import { useNoteFilters } from './use-note-filters';
import { usePersonName } from './use-people';

/** The notes the actor may see, filtered (kept in the URL) and paged by cursor. */
export function NotesListPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('notes.list.title'));
  const me = useMe();
  const [filters, setFilters] = useNoteFilters();
  const personName = usePersonName();
  const list = useInfiniteQuery({
    queryKey: [...NOTES_KEY, 'list', filters],
    queryFn: ({ pageParam }) => notesApi.list(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const notes = list.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('notes.list.title')}</Title>
        {canWriteNotes(me.role) && (
          <Button component={Link} to="/notes/new" leftSection={<IconPlus size={16} aria-hidden />}>
            {t('notes.list.new')}
          </Button>
        )}
      </Group>
      <NotesNav />
      <NoteFiltersBar value={filters} onChange={setFilters} />
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && notes.length === 0 && <Text c="dimmed">{t('notes.list.empty')}</Text>}
      {notes.length > 0 && (
        <TableScroller label={t('notes.list.tableLabel')} minWidth={760}>
          <Table highlightOnHover verticalSpacing={6}>
            <Table.Caption>{t('notes.list.caption', { count: notes.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('notes.fields.title')}</Table.Th>
                <Table.Th scope="col">{t('notes.fields.kind')}</Table.Th>
                <Table.Th scope="col">{t('notes.fields.status')}</Table.Th>
                <Table.Th scope="col">{t('notes.fields.addressee')}</Table.Th>
                <Table.Th scope="col">{t('notes.fields.updatedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {notes.map((note) => (
                <Table.Tr key={note.id}>
                  <Table.Td>
                    <Anchor component={Link} to={notePath(note.id)} fw={500}>
                      {note.title}
                    </Anchor>
                    {note.confidentiality !== 'normal' && (
                      <Badge ml="xs" size="sm" color="red.9" variant="filled">
                        {t(`directory.levels.${note.confidentiality}`)}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`notes.kinds.${note.kind}`)}</Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="filled" color={noteStatusColor(note.status)}>
                      {t(`notes.statuses.${note.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{personName(note.addresseeId)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(note.updatedAt, me.organisation.timeZone, i18n.language)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroller>
      )}
      <LoadMoreButton query={list} />
    </Stack>
  );
}
