import type { TCorrespondenceDetail } from '@dircab/contracts';
import { Anchor, Button, Group, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notify } from '../../ui/notify';
import { problemMessage } from '../../ui/problem-message';
import { CORRESPONDENCE_KEY, correspondenceApi, itemKey, letterUrl } from './correspondence-api';

/** Send the signed reply: by email (the letter attached) or by post (the letter to print). */
export function SendButtons({ item }: { item: TCorrespondenceDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const send = useMutation({
    mutationFn: (method: 'email' | 'post') => correspondenceApi.send(item.id, { method }),
    onSuccess: async (next) => {
      notify('green', t('correspondence.send.done', { number: next.reply?.outgoingRegistrationNumber ?? '' }));
      queryClient.setQueryData(itemKey(item.id), next);
      await queryClient.invalidateQueries({ queryKey: CORRESPONDENCE_KEY });
    },
    onError: (error) => notify('red', problemMessage(error, t)),
  });
  const email = item.reply?.recipient.email;
  // The server refuses a post without an address: the button waits for one (set while drafting).
  const address = item.reply?.recipient.address;
  return (
    <Group gap="xs">
      {email && (
        <Button loading={send.isPending && send.variables === 'email'} onClick={() => send.mutate('email')}>
          {t('correspondence.send.email', { email })}
        </Button>
      )}
      {address && (
        <Button
          variant={email ? 'default' : 'filled'}
          loading={send.isPending && send.variables === 'post'}
          onClick={() => send.mutate('post')}
        >
          {t('correspondence.send.post')}
        </Button>
      )}
      {!email && !address && <Text size="sm">{t('correspondence.send.noAddress')}</Text>}
      <Anchor href={letterUrl(item.id, 'pdf')} size="sm">
        {t('correspondence.send.letter', { format: 'PDF' })}
      </Anchor>
      <Anchor href={letterUrl(item.id, 'odt')} size="sm">
        {t('correspondence.send.letter', { format: 'ODT' })}
      </Anchor>
      <Anchor href={letterUrl(item.id, 'docx')} size="sm">
        {t('correspondence.send.letter', { format: 'DOCX' })}
      </Anchor>
    </Group>
  );
}
