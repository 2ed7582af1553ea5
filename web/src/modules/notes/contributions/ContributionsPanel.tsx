import type { TContribution, TNote } from '@dircab/contracts';
import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../ui/ErrorState';
import { useMe } from '../../../ui/me-context';
import { notify } from '../../../ui/notify';
import { Panel } from '../../../ui/Panel';
import { problemMessage } from '../../../ui/problem-message';
import { formatDay } from '../../correspondence/correspondence-rules';
import { useServiceNames } from '../../correspondence/use-services';
import { NoteText } from '../NoteText';
import { todayIn } from '../note-rules';
import { NOTES_KEY, noteKey, notesApi } from '../notes-api';
import { usePersonName } from '../use-people';
import { RequestContributionForm } from './RequestContributionForm';

const STATUS_COLOR = { requested: 'grape.9', submitted: 'blue.9', merged: 'teal.9' } as const;

/** The sections asked of services or people: their state, their text once handed in, merging it. */
export function ContributionsPanel({ note }: { note: TNote }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const serviceName = useServiceNames();
  const personName = usePersonName();
  const [asking, setAsking] = useState(false);
  const today = todayIn(me.organisation.timeZone);
  const contributions = useQuery({
    queryKey: [...noteKey(note.id), 'contributions'],
    queryFn: () => notesApi.contributions(note.id),
  });
  const merge = useMutation({
    mutationFn: (c: TContribution) => notesApi.merge(note.id, c.id),
    onSuccess: async (saved) => {
      queryClient.setQueryData(noteKey(note.id), saved);
      notify('green', t('notes.contributions.merged'));
      await queryClient.invalidateQueries({ queryKey: NOTES_KEY });
    },
    onError: (e) => notify('red', problemMessage(e, t)),
  });
  const list = contributions.data?.data ?? [];
  const who = (c: TContribution) =>
    c.serviceId ? (serviceName.get(c.serviceId) ?? t('notes.contributions.aService')) : personName(c.userId);
  return (
    <Panel title={t('notes.contributions.title')}>
      <Stack>
        {contributions.isError && <ErrorState error={contributions.error} />}
        {contributions.isSuccess && list.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('notes.contributions.none')}
          </Text>
        )}
        {list.length > 0 && (
          <Table verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('notes.contributions.who')}</Table.Th>
                <Table.Th scope="col">{t('notes.contributions.question')}</Table.Th>
                <Table.Th scope="col">{t('notes.contributions.dueDate')}</Table.Th>
                <Table.Th scope="col">{t('notes.contributions.status')}</Table.Th>
                <Table.Th scope="col">{t('notes.contributions.text')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((c) => {
                const late = c.status === 'requested' && c.dueDate < today;
                return (
                  <Table.Tr key={c.id}>
                    <Table.Td>{who(c)}</Table.Td>
                    <Table.Td>{c.question}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm" c={late ? 'red.9' : undefined} fw={late ? 700 : undefined}>
                        {formatDay(c.dueDate, i18n.language)}
                        {late && ` · ${t('notes.overdue')}`}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge size="sm" variant="filled" color={STATUS_COLOR[c.status]}>
                        {t(`notes.contributions.statuses.${c.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {c.bodyHtml && c.status !== 'requested' && <NoteText html={c.bodyHtml} />}
                      {c.policies.merge && (
                        <Button
                          size="xs"
                          mt={4}
                          loading={merge.isPending && merge.variables?.id === c.id}
                          onClick={() => merge.mutate(c)}
                        >
                          {t('notes.contributions.merge')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        {note.policies.requestContribution &&
          (asking ? (
            <RequestContributionForm noteId={note.id} onDone={() => setAsking(false)} />
          ) : (
            <Group>
              <Button variant="default" onClick={() => setAsking(true)}>
                {t('notes.contributions.ask')}
              </Button>
            </Group>
          ))}
      </Stack>
    </Panel>
  );
}
