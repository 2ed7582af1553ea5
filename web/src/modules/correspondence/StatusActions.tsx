import type { TCorrespondenceDetail } from '@dircab/contracts';
import { Button, Group } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../ui/notify';
import { problemMessage } from '../../ui/problem-message';
import { CommentModal } from './CommentModal';
import { CORRESPONDENCE_KEY, correspondenceApi, itemKey } from './correspondence-api';
import { ForwardLetters } from './forward/ForwardLetters';
import { ForwardModal } from './forward/ForwardModal';

type Exit = 'closeWithoutReply' | 'wait' | 'forward';

/** Take on (the lead), close, close without reply, wait for information, forward: the buttons the policies allow. */
export function StatusActions({ item }: { item: TCorrespondenceDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<Exit | null>(null);
  const act = useMutation({
    mutationFn: (run: () => Promise<TCorrespondenceDetail>) => run(),
    onSuccess: async (next) => {
      notify('green', t('correspondence.actions.done', { status: t(`correspondence.statuses.${next.status}`) }));
      queryClient.setQueryData(itemKey(item.id), next);
      setOpen(null);
      await queryClient.invalidateQueries({ queryKey: CORRESPONDENCE_KEY });
    },
  });
  const p = item.policies;
  // A plain close ends an answered item; an unanswered one closes « sans réponse », with its reason.
  const answered = item.status === 'sent';
  // The modals stay mounted whatever the policies become: an action that removes its own
  // button (forwarding) must still see its dialog close.

  return (
    <Group gap="xs">
      {/* A forwarded item offers its two letters to print or file again. */}
      <ForwardLetters item={item} />
      {p.accept && (
        <Button loading={act.isPending} onClick={() => act.mutate(() => correspondenceApi.accept(item.id))}>
          {t('correspondence.actions.accept')}
        </Button>
      )}
      {p.close && answered && (
        <Button loading={act.isPending} onClick={() => act.mutate(() => correspondenceApi.close(item.id, {}))}>
          {t('correspondence.actions.close')}
        </Button>
      )}
      {p.close && !answered && (
        <Button variant="default" onClick={() => setOpen('closeWithoutReply')}>
          {t('correspondence.actions.closeWithoutReply')}
        </Button>
      )}
      {p.wait && (
        <Button variant="default" onClick={() => setOpen('wait')}>
          {t('correspondence.actions.wait')}
        </Button>
      )}
      {p.forward && (
        <Button variant="default" onClick={() => setOpen('forward')}>
          {t('correspondence.actions.forward')}
        </Button>
      )}
      <ForwardModal
        item={item}
        opened={open === 'forward'}
        loading={act.isPending}
        error={act.isError ? problemMessage(act.error, t) : null}
        onClose={() => setOpen(null)}
        onSubmit={(body) => act.mutate(() => correspondenceApi.forward(item.id, body))}
      />
      <CommentModal
        key={open ?? 'none'}
        opened={open === 'closeWithoutReply' || open === 'wait'}
        title={open ? t(`correspondence.actions.${open}`) : ''}
        label={open === 'wait' ? t('correspondence.actions.waitFor') : t('correspondence.actions.reason')}
        required
        submitLabel={open ? t(`correspondence.actions.${open}`) : ''}
        loading={act.isPending}
        error={act.isError ? problemMessage(act.error, t) : null}
        onClose={() => setOpen(null)}
        onSubmit={(text) => {
          if (open === 'closeWithoutReply')
            act.mutate(() => correspondenceApi.close(item.id, { withoutReply: true, reason: text }));
          if (open === 'wait') act.mutate(() => correspondenceApi.wait(item.id, text));
        }}
      />
    </Group>
  );
}
