import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../../ui/ErrorState';
import { formatDateTime } from '../../../ui/format';
import { LoadMoreButton } from '../../../ui/LoadMoreButton';
import { useMe } from '../../../ui/me-context';
import { usePageTitle } from '../../../ui/use-page-title';
import { NotesNav } from '../NotesNav';
import { notePath, noteStatusColor } from '../note-rules';
import { notesApi, READING_FOLDER_KEY } from '../notes-api';
import { usePersonName } from '../use-people';

/** The first words of the note, as text: the folder shows what each note is about. */
function plainText(html: string): string {
  return new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
}

/**
 * The addressee's reading folder (« parapheur de lecture »): the notes transmitted and not
 * yet read first, then the read ones waiting for an answer. Each opens to be read, annotated
 * and answered with a decision.
 */
export function ReadingFolderPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('notes.folder.title'));
  const me = useMe();
  const personName = usePersonName();
  const folder = useInfiniteQuery({
    queryKey: READING_FOLDER_KEY,
    queryFn: ({ pageParam }) => notesApi.readingFolder(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const notes = folder.data?.pages.flatMap((p) => p.data) ?? [];
  const unread = notes.filter((n) => n.status === 'transmitted').length;
  return (
    <Stack>
      <Title order={1}>{t('notes.folder.title')}</Title>
      <NotesNav />
      {folder.isError && <ErrorState error={folder.error} onRetry={() => void folder.refetch()} />}
      {folder.isSuccess && (
        <Text>
          {notes.length === 0 ? t('notes.folder.empty') : t('notes.folder.summary', { unread, count: notes.length })}
        </Text>
      )}
      {notes.map((note) => (
        <Card key={note.id} withBorder component="article" aria-labelledby={`folder-${note.id}`}>
          <Stack gap="xs">
            <Group justify="space-between">
              <Title order={2} size="h4" id={`folder-${note.id}`}>
                <Anchor component={Link} to={notePath(note.id)}>
                  {note.title}
                </Anchor>
              </Title>
              <Badge variant="filled" color={noteStatusColor(note.status)}>
                {t(`notes.folder.statuses.${note.status === 'transmitted' ? 'unread' : 'read'}`)}
              </Badge>
            </Group>
            <Text size="sm">
              {t('notes.folder.from', {
                kind: t(`notes.kinds.${note.kind}`),
                author: personName(note.authorId) || '—',
                at: note.transmittedAt
                  ? formatDateTime(note.transmittedAt, me.organisation.timeZone, i18n.language)
                  : '',
              })}
            </Text>
            <Text size="sm" lineClamp={3}>
              {plainText(note.bodyHtml)}
            </Text>
          </Stack>
        </Card>
      ))}
      <LoadMoreButton query={folder} />
    </Stack>
  );
}
