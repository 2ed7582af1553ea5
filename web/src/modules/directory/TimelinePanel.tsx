import type { TContact } from '@dircab/contracts';
import { Anchor, Button, Stack, Text, Timeline } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../ui/ErrorState';
import { formatDateTime } from '../../ui/format';
import { useMe } from '../../ui/me-context';
import { Panel } from '../../ui/Panel';
import { contactLinksApi, timelineKey } from './contact-links-api';
import { useUndoMerge } from './use-undo-merge';

const LIMIT = 20;

/** The 360° feed: what every module registered about the contact, newest first. */
export function TimelinePanel({ contact }: { contact: TContact }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const undo = useUndoMerge(contact.id);
  const timeline = useInfiniteQuery({
    queryKey: timelineKey(contact.id),
    queryFn: ({ pageParam }) => contactLinksApi.timeline(contact.id, pageParam, LIMIT),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const entries = timeline.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <Panel title={t('timeline.title')}>
      <Stack gap="sm">
        {timeline.isError && <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />}
        {timeline.isPending && <Text size="sm">{t('common.loading')}</Text>}
        {timeline.isSuccess && entries.length === 0 && <Text size="sm">{t('timeline.empty')}</Text>}
        {entries.length > 0 && (
          <Timeline bulletSize={12} lineWidth={2}>
            {entries.map((e) => (
              <Timeline.Item
                key={e.id}
                title={
                  e.link ? (
                    <Anchor component={Link} to={e.link}>
                      {e.title}
                    </Anchor>
                  ) : (
                    e.title
                  )
                }
              >
                <Text size="xs" c="dimmed">
                  {formatDateTime(e.at, me.organisation.timeZone, i18n.language)}
                  {e.actorName ? ` · ${e.actorName}` : ''}
                </Text>
                {e.summary && <Text size="sm">{e.summary}</Text>}
                {e.undoMergeAuditId && contact.policies.delete && (
                  <Button
                    size="xs"
                    variant="default"
                    mt={4}
                    loading={undo.isPending && undo.variables === e.undoMergeAuditId}
                    onClick={() => undo.mutate(e.undoMergeAuditId as string)}
                  >
                    {t('merge.undo')}
                  </Button>
                )}
              </Timeline.Item>
            ))}
          </Timeline>
        )}
        {timeline.hasNextPage && (
          <Button
            variant="default"
            size="xs"
            onClick={() => void timeline.fetchNextPage()}
            loading={timeline.isFetchingNextPage}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('timeline.more')}
          </Button>
        )}
      </Stack>
    </Panel>
  );
}
