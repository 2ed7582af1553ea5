import type { TNote } from '@dircab/contracts';
import { Alert, Anchor, Badge, Button, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { ApiError } from '../../app/api/http';
import { ErrorState } from '../../ui/ErrorState';
import { formatDateTime } from '../../ui/format';
import { useMe } from '../../ui/me-context';
import { notify } from '../../ui/notify';
import { PageLoader } from '../../ui/PageLoader';
import { Panel } from '../../ui/Panel';
import { usePageTitle } from '../../ui/use-page-title';
import { fieldErrors } from '../directory/directory-rules';
import { CircuitButtons } from './CircuitButtons';
import { ContributionsPanel } from './contributions/ContributionsPanel';
import { ExportButtons } from './ExportButtons';
import { explicitMembers, NotePeopleModal } from './NotePeopleModal';
import { NoteText } from './NoteText';
import { contributionPath, noteStatusColor } from './note-rules';
import { NOTES_KEY, noteKey, notesApi } from './notes-api';
import { AnnotationsPanel } from './reading/AnnotationsPanel';
import { ReadingActions } from './reading/ReadingActions';
import { usePersonName } from './use-people';
import { VersionsPanel } from './versions/VersionsPanel';

const RichTextForm = lazy(() => import('./RichTextForm'));
const TEXT_ID = 'note-text';

/** One note: its circuit, its text (editable while the policies allow), contributions, versions, reading. */
export function NotePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const note = useQuery({ queryKey: noteKey(id), queryFn: () => notesApi.note(id) });
  usePageTitle(note.data?.title ?? t('notes.list.title'));
  if (note.isPending) return <PageLoader />;
  if (note.isError) {
    return note.error instanceof ApiError && note.error.status === 404 ? (
      <ContributorRedirect noteId={id} error={note.error} />
    ) : (
      <ErrorState error={note.error} onRetry={() => void note.refetch()} />
    );
  }
  return <NoteView note={note.data} />;
}

/**
 * A contributor does not see the note, only their section: the link of their task (to the
 * note) takes them to the section asked of them instead of a « not found ».
 */
function ContributorRedirect({ noteId, error }: { noteId: string; error: unknown }) {
  const mine = useQuery({
    queryKey: [...noteKey(noteId), 'contributions'],
    queryFn: () => notesApi.contributions(noteId),
    retry: false,
  });
  if (mine.isPending) return <PageLoader />;
  const section = mine.data?.data[0];
  if (section) return <Navigate to={contributionPath(noteId, section.id)} replace />;
  return <ErrorState error={error} />;
}

function NoteView({ note }: { note: TNote }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const personName = usePersonName([note.authorId, note.addresseeId, ...note.members]);
  const [editingPeople, setEditingPeople] = useState(false);
  const named = explicitMembers(note);
  const [autosavedAt, setAutosavedAt] = useState<string | null>(null);
  // The editor restarts from the server's text only when someone else changed it (a merged
  // contribution, a reviewer): never after its own save, which would lose what is being typed.
  const ownBody = useRef<string | null>(null);
  const editorKey = useRef(note.updatedAt);
  if (note.bodyHtml !== ownBody.current) editorKey.current = note.updatedAt;
  const save = useMutation({
    mutationFn: (body: { bodyHtml: string; auto: boolean }) => notesApi.update(note.id, { bodyHtml: body.bodyHtml }),
    onSuccess: async (saved, body) => {
      ownBody.current = saved.bodyHtml;
      queryClient.setQueryData(noteKey(note.id), saved);
      if (body.auto) setAutosavedAt(formatDateTime(saved.updatedAt, me.organisation.timeZone, i18n.language));
      else notify('green', t('notes.editor.saved', { number: saved.version }));
      await queryClient.invalidateQueries({ queryKey: NOTES_KEY });
    },
  });
  const reading = note.policies.annotate === true || ['transmitted', 'read', 'answered'].includes(note.status);
  return (
    <Stack>
      <Anchor component={Link} to="/notes" size="sm">
        {t('notes.note.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1}>{note.title}</Title>
          <Group gap="xs">
            <Badge variant="filled" color={noteStatusColor(note.status)}>
              {t(`notes.statuses.${note.status}`)}
            </Badge>
            <Badge variant="outline" color="gray.8">
              {t(`notes.kinds.${note.kind}`)}
            </Badge>
            {note.confidentiality !== 'normal' && (
              <Badge variant="filled" color="red.9">
                {t(`directory.levels.${note.confidentiality}`)}
              </Badge>
            )}
          </Group>
          <Text size="sm">
            {t('notes.note.byline', {
              author: personName(note.authorId) || '—',
              addressee: personName(note.addresseeId) || '—',
              version: note.version,
            })}
          </Text>
          {named.length > 0 && (
            <Text size="sm">
              {t('notes.people.named', { names: named.map((id) => personName(id) || '—').join(', ') })}
            </Text>
          )}
          {note.transmittedAt && (
            <Text size="sm">
              {t('notes.note.transmittedAt', {
                at: formatDateTime(note.transmittedAt, me.organisation.timeZone, i18n.language),
              })}
              {note.readAt &&
                ` · ${t('notes.note.readAt', { at: formatDateTime(note.readAt, me.organisation.timeZone, i18n.language) })}`}
            </Text>
          )}
        </Stack>
        <Stack gap="xs" align="flex-end">
          <CircuitButtons note={note} />
          {note.policies.export && <ExportButtons noteId={note.id} />}
          {note.policies.update && (
            <Button
              variant="default"
              size="xs"
              leftSection={<IconUsers size={16} aria-hidden />}
              onClick={() => setEditingPeople(true)}
            >
              {t('notes.people.open')}
            </Button>
          )}
        </Stack>
      </Group>
      {note.returnComment && note.status === 'draft' && (
        <Alert color="blue" title={t('notes.note.returned')}>
          {note.returnComment}
        </Alert>
      )}
      {note.decisionId && (
        <Alert color="blue" title={t('notes.note.answered')}>
          <Anchor component={Link} to="/notes/decisions?view=all">
            {t('notes.note.seeDecision')}
          </Anchor>
        </Alert>
      )}
      <ReadingActions note={note} />
      <Grid>
        <Grid.Col span={{ base: 12, md: reading ? 8 : 12 }}>
          <Panel title={t('notes.note.text')}>
            {note.policies.update ? (
              <Suspense fallback={<Text>{t('common.loading')}</Text>}>
                <RichTextForm
                  key={editorKey.current}
                  label={t('notes.note.text')}
                  initialHtml={note.bodyHtml}
                  error={fieldErrors(save.error).bodyHtml ?? (save.isError ? t('notes.editor.failed') : undefined)}
                  autosave={(html) => save.mutate({ bodyHtml: html, auto: true })}
                  status={autosavedAt ? t('notes.editor.autosaved', { at: autosavedAt }) : undefined}
                  actions={[
                    {
                      label: t('notes.editor.save'),
                      loading: save.isPending && save.variables?.auto === false,
                      onClick: (html) => save.mutate({ bodyHtml: html, auto: false }),
                    },
                  ]}
                />
              </Suspense>
            ) : (
              <NoteText html={note.bodyHtml} id={TEXT_ID} />
            )}
          </Panel>
        </Grid.Col>
        {reading && (
          <Grid.Col span={{ base: 12, md: 4 }}>
            <AnnotationsPanel note={note} textId={TEXT_ID} />
          </Grid.Col>
        )}
      </Grid>
      <NotePeopleModal note={note} opened={editingPeople} onClose={() => setEditingPeople(false)} />
      <ContributionsPanel note={note} />
      <VersionsPanel note={note} />
    </Stack>
  );
}
