import type { TCorrespondenceDetail, TSendAcknowledgement } from '@dircab/contracts';
import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../ui/me-context';
import { notify } from '../../ui/notify';
import { Panel } from '../../ui/Panel';
import { problemMessage } from '../../ui/problem-message';
import { AcknowledgementHistory, acknowledgementsKey } from './acknowledgement/AcknowledgementHistory';
import { acknowledgementUrl, correspondenceApi, TYPES_KEY } from './correspondence-api';
import { canRegister } from './correspondence-rules';

const FORMATS = [
  ['pdf', 'PDF'],
  ['odt', 'ODT'],
  ['docx', 'DOCX'],
] as const;

/**
 * The acknowledgement of receipt (CRPA L.112-3): those already given (registration sends a
 * digital request's by itself), the letter to download, and for the cabinet, sending it by
 * email or noting that the printed letter was handed or posted.
 */
export function AcknowledgementPanel({ item }: { item: TCorrespondenceDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const types = useQuery({ queryKey: TYPES_KEY, queryFn: correspondenceApi.types, staleTime: 5 * 60_000 });
  const type = types.data?.data.find((x) => x.id === item.typeId);
  const send = useMutation({
    mutationFn: (body: TSendAcknowledgement) => correspondenceApi.sendAcknowledgement(item.id, body),
    onSuccess: async (_ack, body) => {
      notify(
        'green',
        body.channel === 'email'
          ? t('correspondence.acknowledgement.sent', { email: item.sender.email ?? '' })
          : t('correspondence.acknowledgement.noted'),
      );
      await queryClient.invalidateQueries({ queryKey: acknowledgementsKey(item.id) });
    },
    onError: (error) => notify('red', problemMessage(error, t)),
  });
  if (item.direction !== 'in') return null;
  return (
    <Panel title={t('correspondence.acknowledgement.title')}>
      <Stack gap="sm">
        <Text size="sm">
          {type?.acknowledgementDue
            ? t('correspondence.acknowledgement.due')
            : t('correspondence.acknowledgement.notDue')}
        </Text>
        <AcknowledgementHistory itemId={item.id} />
        <Group gap="md">
          {FORMATS.map(([format, label]) => (
            <Anchor key={format} href={acknowledgementUrl(item.id, format)} size="sm">
              {t('correspondence.acknowledgement.download', { format: label })}
            </Anchor>
          ))}
        </Group>
        {canRegister(me.role) && (
          <Group gap="xs">
            {item.sender.email && (
              <Button
                variant={type?.acknowledgementDue ? 'filled' : 'default'}
                loading={send.isPending && send.variables?.channel === 'email'}
                onClick={() => send.mutate({ channel: 'email' })}
              >
                {t('correspondence.acknowledgement.sendEmail', { email: item.sender.email })}
              </Button>
            )}
            <Button
              variant="default"
              loading={send.isPending && send.variables?.channel === 'letter'}
              onClick={() => send.mutate({ channel: 'letter' })}
            >
              {t('correspondence.acknowledgement.noteLetter')}
            </Button>
          </Group>
        )}
      </Stack>
    </Panel>
  );
}
