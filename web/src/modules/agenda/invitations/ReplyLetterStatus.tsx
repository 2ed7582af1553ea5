import type { TInvitation } from '@dircab/contracts';
import { Badge, Button, Group, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { http } from '../../../app/api/http';
import { notify } from '../../../ui/notify';
import { problemMessage } from '../../../ui/problem-message';
import { correspondenceApi, itemKey } from '../../correspondence/correspondence-api';
import { invitationKey } from './invitations-api';

/** `POST /invitations/:id/reply-sent`: the secretariat posted the reply declining the invitation. */
export const markReplySent = (id: string) =>
  http.post<TInvitation>(`/api/v1/invitations/${encodeURIComponent(id)}/reply-sent`);

/**
 * Whether the registered reply of a declined invitation has left: « Réponse envoyée » with its
 * number, or, for those who post it, a button saying so (printing the letter does it too).
 */
export function ReplyLetterStatus({ invitation }: { invitation: TInvitation }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const replyItemId = invitation.replyItemId;
  const reply = useQuery({
    queryKey: itemKey(replyItemId ?? ''),
    queryFn: () => correspondenceApi.item(replyItemId as string),
    enabled: !!replyItemId,
    retry: false,
  });
  const mark = useMutation({
    mutationFn: () => markReplySent(invitation.id),
    onSuccess: async () => {
      notify('green', t('agendaInvitations.answer.markedSent'));
      await queryClient.invalidateQueries({ queryKey: itemKey(replyItemId ?? '') });
      await queryClient.invalidateQueries({ queryKey: invitationKey(invitation.id) });
    },
    onError: (error) => notify('red', problemMessage(error, t)),
  });
  if (!replyItemId || !reply.data) return null;
  if (reply.data.status !== 'registered') {
    return (
      <Group>
        <Badge variant="outline" color="gray.8">
          {t('agendaInvitations.answer.replySent', { number: reply.data.registrationNumber })}
        </Badge>
      </Group>
    );
  }
  if (!invitation.policies.markReplySent) return null;
  return (
    <Group gap="xs">
      <Text size="sm">{t('agendaInvitations.answer.replyWaiting')}</Text>
      <Button size="xs" variant="default" loading={mark.isPending} onClick={() => mark.mutate()}>
        {t('agendaInvitations.answer.markSent')}
      </Button>
    </Group>
  );
}
