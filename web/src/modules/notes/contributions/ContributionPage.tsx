import type { TWriteContribution } from '@dircab/contracts';
import { Alert, Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../../ui/ErrorState';
import { notify } from '../../../ui/notify';
import { PageLoader } from '../../../ui/PageLoader';
import { problemMessage } from '../../../ui/problem-message';
import { usePageTitle } from '../../../ui/use-page-title';
import { formatDay } from '../../correspondence/correspondence-rules';
import { fieldErrors } from '../../directory/directory-rules';
import { NoteText } from '../NoteText';
import { MY_CONTRIBUTIONS_KEY, noteKey, notesApi } from '../notes-api';

const RichTextForm = lazy(() => import('../RichTextForm'));

/** The contributor's own view: the question, the due date, and their section to write and hand in. */
export function ContributionPage() {
  const { id = '', cid = '' } = useParams();
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const key = [...noteKey(id), 'contribution', cid];
  const contribution = useQuery({ queryKey: key, queryFn: () => notesApi.contribution(id, cid) });
  usePageTitle(t('notes.contribution.title'));
  const write = useMutation({
    mutationFn: (body: TWriteContribution) => notesApi.writeContribution(id, cid, body),
    onSuccess: async (saved, body) => {
      queryClient.setQueryData(key, saved);
      notify('green', t(body.submit ? 'notes.contribution.submitted' : 'notes.contribution.saved'));
      await queryClient.invalidateQueries({ queryKey: MY_CONTRIBUTIONS_KEY });
    },
  });
  if (contribution.isPending) return <PageLoader />;
  if (contribution.isError) return <ErrorState error={contribution.error} />;
  const c = contribution.data;
  return (
    <Stack maw={900}>
      <Anchor component={Link} to="/notes/contributions" size="sm">
        {t('notes.contribution.back')}
      </Anchor>
      <Title order={1}>{t('notes.contribution.heading', { title: c.noteTitle })}</Title>
      <Group gap="xs">
        <Badge variant="outline" color="gray.8">
          {t(`notes.contributions.statuses.${c.status}`)}
        </Badge>
        <Text size="sm">{t('notes.contribution.due', { date: formatDay(c.dueDate, i18n.language) })}</Text>
      </Group>
      <Alert color="blue" title={t('notes.contributions.question')}>
        {c.question}
      </Alert>
      {write.isError && (
        <Alert color="red" role="alert" title={t('notes.contribution.failed')}>
          {problemMessage(write.error, t)}
        </Alert>
      )}
      {c.policies.write ? (
        <Suspense fallback={<Text>{t('common.loading')}</Text>}>
          <RichTextForm
            label={t('notes.contribution.text')}
            initialHtml={c.bodyHtml}
            error={fieldErrors(write.error).bodyHtml}
            actions={[
              {
                label: t('notes.contribution.save'),
                variant: 'default',
                loading: write.isPending && !write.variables?.submit,
                onClick: (bodyHtml) => write.mutate({ bodyHtml }),
              },
              {
                label: t('notes.contribution.submit'),
                loading: write.isPending && write.variables?.submit === true,
                onClick: (bodyHtml) =>
                  bodyHtml ? write.mutate({ bodyHtml, submit: true }) : notify('red', t('notes.contribution.empty')),
              },
            ]}
          />
        </Suspense>
      ) : (
        <NoteText html={c.bodyHtml} />
      )}
    </Stack>
  );
}
