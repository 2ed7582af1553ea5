import type { TInvitation } from '@dircab/contracts';
import { Alert, Anchor, Button, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../app/api/http';
import { ErrorState } from '../../../ui/ErrorState';
import { HistoryPanel } from '../../../ui/HistoryPanel';
import { useMe } from '../../../ui/me-context';
import { notify } from '../../../ui/notify';
import { Panel } from '../../../ui/Panel';
import { problemMessage } from '../../../ui/problem-message';
import { usePageTitle } from '../../../ui/use-page-title';
import { itemKey } from '../../correspondence/correspondence-api';
import { formatDay, itemPath } from '../../correspondence/correspondence-rules';
import { contactPath } from '../../directory/directory-rules';
import { briefPath } from '../briefs/briefs-api';
import { formatWhen, todayIn } from './agenda-time';
import { InvitationStatusBadge } from './InvitationStatusBadge';
import { declineLetterUrl, INVITATIONS_KEY, INVITATIONS_PATH, invitationKey, invitationsApi } from './invitations-api';
import { ReplyLetterStatus } from './ReplyLetterStatus';
import { useOfficialChoices } from './use-delegates';

/** One invitation: what, when, where, and its answer (accept, delegate to an official, decline with a letter). */
export function InvitationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const invitation = useQuery({ queryKey: invitationKey(id), queryFn: () => invitationsApi.one(id), retry: false });
  usePageTitle(invitation.data?.title ?? t('agendaInvitations.title'));
  if (invitation.error instanceof ApiError && [400, 404].includes(invitation.error.status)) {
    return (
      <Stack align="flex-start">
        <Title order={1}>{t('agendaInvitations.notFound')}</Title>
        <Anchor component={Link} to={INVITATIONS_PATH}>
          {t('agendaInvitations.backToList')}
        </Anchor>
      </Stack>
    );
  }
  if (invitation.isError) return <ErrorState error={invitation.error} onRetry={() => void invitation.refetch()} />;
  if (!invitation.data) return <Text>{t('common.loading')}</Text>;
  return <InvitationView invitation={invitation.data} />;
}

function InvitationView({ invitation }: { invitation: TInvitation }) {
  const { t, i18n } = useTranslation();
  const timeZone = useMe().organisation.timeZone;
  const choices = useOfficialChoices(todayIn(timeZone));
  const delegate = choices.nameOf(invitation.delegatedOfficialId);
  return (
    <Stack gap="lg" maw={900}>
      <Anchor component={Link} to={INVITATIONS_PATH} size="sm">
        {t('agendaInvitations.backToList')}
      </Anchor>
      <Stack gap={4}>
        <Group gap="xs">
          <InvitationStatusBadge status={invitation.status} />
          {invitation.overdue && (
            <Text size="sm" c="red.9" fw={700}>
              {t('agendaInvitations.overdue')}
            </Text>
          )}
        </Group>
        <Title order={1}>{invitation.title}</Title>
        <Text>{formatWhen(invitation, timeZone, i18n.language)}</Text>
        {invitation.place && (
          <Text size="sm">
            {invitation.place.label}
            {invitation.place.address && ` · ${invitation.place.address}`}
          </Text>
        )}
        <Text size="sm">
          {t('agendaInvitations.fields.organiser')} :{' '}
          {invitation.organiserContactId ? (
            <Anchor component={Link} to={contactPath(invitation.organiserContactId)}>
              {invitation.organiserName}
            </Anchor>
          ) : (
            invitation.organiserName
          )}
        </Text>
        <Text size="sm">
          {t('agendaInvitations.answerByOn', { date: formatDay(invitation.answerBy, i18n.language) })}
          {invitation.receivedOn &&
            ` · ${t('agendaInvitations.receivedOnDay', { date: formatDay(invitation.receivedOn, i18n.language) })}`}
        </Text>
        {invitation.correspondenceItemId && (
          <Anchor component={Link} to={itemPath(invitation.correspondenceItemId)} size="sm">
            {t('agendaInvitations.openLetter')}
          </Anchor>
        )}
        {invitation.notes && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {invitation.notes}
          </Text>
        )}
      </Stack>
      {invitation.status === 'pending' ? (
        <AnswerPanel invitation={invitation} delegates={choices.delegates} />
      ) : (
        <Panel title={t('agendaInvitations.answer.title')}>
          <Stack gap="xs">
            <Text>
              {invitation.status === 'delegated'
                ? t('agendaInvitations.answer.delegatedTo', { name: delegate ?? '…' })
                : t(`agendaInvitations.answer.done.${invitation.status}`)}
            </Text>
            {invitation.declineReason && <Text size="sm">{invitation.declineReason}</Text>}
            {invitation.eventId && (
              <Anchor component={Link} to={briefPath(invitation.eventId)}>
                {t('agendaInvitations.answer.openBrief')}
              </Anchor>
            )}
            {invitation.status === 'declined' && <DeclineLetterLinks invitation={invitation} />}
          </Stack>
        </Panel>
      )}
      <HistoryPanel recordType="agenda_invitation" recordId={invitation.id} />
    </Stack>
  );
}

function DeclineLetterLinks({ invitation }: { invitation: TInvitation }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // The server marks the reply sent when the secretariat downloads it: read its status again.
  const downloaded = () =>
    setTimeout(() => void queryClient.invalidateQueries({ queryKey: itemKey(invitation.replyItemId ?? '') }), 1500);
  return (
    <Stack gap={4}>
      {invitation.policies.letter && (
        <Group gap="xs">
          <Text size="sm">{t('agendaInvitations.answer.letter')}</Text>
          {(['pdf', 'docx', 'odt'] as const).map((format) => (
            <Button
              key={format}
              component="a"
              href={declineLetterUrl(invitation.id, format)}
              download
              onClick={downloaded}
              size="xs"
              variant="default"
            >
              {t('agendaInvitations.answer.downloadLetter', { format: format.toUpperCase() })}
            </Button>
          ))}
        </Group>
      )}
      <ReplyLetterStatus invitation={invitation} />
      {invitation.replyItemId && (
        <Anchor component={Link} to={itemPath(invitation.replyItemId)} size="sm">
          {t('agendaInvitations.answer.openReply')}
        </Anchor>
      )}
    </Stack>
  );
}

function AnswerPanel({
  invitation,
  delegates,
}: {
  invitation: TInvitation;
  delegates: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [officialId, setOfficialId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const answer = useMutation({
    mutationFn: (action: 'accept' | 'delegate' | 'decline') =>
      action === 'accept'
        ? invitationsApi.accept(invitation.id)
        : action === 'delegate'
          ? invitationsApi.delegate(invitation.id, { officialId: officialId ?? '' })
          : invitationsApi.decline(invitation.id, reason.trim() || null),
    onSuccess: (updated) => {
      queryClient.setQueryData(invitationKey(updated.id), updated);
      void queryClient.invalidateQueries({ queryKey: INVITATIONS_KEY });
      // The answer puts an event on an agenda: the calendar reads it again.
      void queryClient.invalidateQueries({ queryKey: ['agenda'] });
      notify('green', t(`agendaInvitations.answer.done.${updated.status}`));
    },
    onError: (e) => setError(problemMessage(e, t)),
  });
  const { policies } = invitation;
  if (!policies.accept && !policies.delegate && !policies.decline) {
    return <Text>{t('agendaInvitations.answer.notYours')}</Text>;
  }
  const run = (action: 'accept' | 'delegate' | 'decline') => {
    setError(null);
    answer.mutate(action);
  };
  return (
    <Panel title={t('agendaInvitations.answer.title')}>
      <Stack gap="md">
        {error && (
          <Alert color="red.9" variant="outline" role="alert">
            {error}
          </Alert>
        )}
        {policies.accept && (
          <Stack gap={4}>
            <Text size="sm">{t('agendaInvitations.answer.acceptHint')}</Text>
            <Button
              onClick={() => run('accept')}
              loading={answer.isPending && answer.variables === 'accept'}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('agendaInvitations.answer.accept')}
            </Button>
          </Stack>
        )}
        {policies.delegate && (
          <Group align="flex-end" gap="xs">
            <Select
              label={t('agendaInvitations.answer.delegateTo')}
              description={t('agendaInvitations.answer.delegateHint')}
              data={delegates}
              value={officialId}
              onChange={setOfficialId}
              searchable
              w={360}
              comboboxProps={{ withinPortal: true }}
            />
            <Button
              variant="default"
              disabled={!officialId}
              onClick={() => run('delegate')}
              loading={answer.isPending && answer.variables === 'delegate'}
            >
              {t('agendaInvitations.answer.delegate')}
            </Button>
          </Group>
        )}
        {policies.decline && (
          <Stack gap="xs">
            <Textarea
              label={t('agendaInvitations.answer.reason')}
              description={t('agendaInvitations.answer.declineHint')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              maxLength={2000}
              autosize
              minRows={2}
            />
            <Button
              variant="default"
              color="red.9"
              onClick={() => run('decline')}
              loading={answer.isPending && answer.variables === 'decline'}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('agendaInvitations.answer.decline')}
            </Button>
          </Stack>
        )}
      </Stack>
    </Panel>
  );
}
