import type { TAcknowledgement } from '@dircab/contracts';
import { Badge, Group, List, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { http } from '../../../app/api/http';
import { formatDateTime } from '../../../ui/format';
import { useMe } from '../../../ui/me-context';
import type { Page } from '../../directory/directory-api';
import { CORRESPONDENCE_KEY } from '../correspondence-api';

export const acknowledgementsKey = (itemId: string) => [...CORRESPONDENCE_KEY, 'acknowledgements', itemId] as const;

/** The last few are enough: sending again is rare (a lost email, a new address). */
const SHOWN = 5;

/** How an acknowledgement was given, in a sentence. */
function sentence(ack: TAcknowledgement): 'automatic' | 'email' | 'letter' {
  if (ack.channel === 'letter') return 'letter';
  return ack.automatic ? 'automatic' : 'email';
}

/**
 * The acknowledgements an item was given, newest first: sent automatically at registration,
 * by email by hand (with where the email stands), or handed over as a letter.
 */
export function AcknowledgementHistory({ itemId }: { itemId: string }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const acks = useQuery({
    queryKey: acknowledgementsKey(itemId),
    queryFn: () =>
      http.get<Page<TAcknowledgement>>(
        `/api/v1/correspondence/${encodeURIComponent(itemId)}/acknowledgements?limit=${SHOWN}`,
      ),
  });
  const rows = acks.data?.data ?? [];
  if (acks.isPending) return null;
  if (rows.length === 0) return <Text size="sm">{t('correspondenceAcknowledgement.none')}</Text>;
  return (
    <List size="sm" spacing={4} aria-label={t('correspondenceAcknowledgement.history')}>
      {rows.map((ack) => (
        <List.Item key={ack.id}>
          <Group gap="xs" wrap="wrap">
            <Text size="sm" component="span">
              {t(`correspondenceAcknowledgement.given.${sentence(ack)}`, {
                date: formatDateTime(ack.sentAt, me.organisation.timeZone, i18n.language),
                email: ack.recipient ?? '',
              })}
            </Text>
            {ack.emailStatus && (
              <Badge variant="outline" color={ack.emailStatus === 'failed' ? 'red.9' : 'gray.8'}>
                {t(`correspondenceAcknowledgement.emailStatus.${ack.emailStatus}`)}
              </Badge>
            )}
          </Group>
        </List.Item>
      ))}
    </List>
  );
}
