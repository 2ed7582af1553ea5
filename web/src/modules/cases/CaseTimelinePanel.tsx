import { Anchor, Button, Stack, Text, Timeline } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../ui/ErrorState';
import { formatDateTime } from '../../ui/format';
import { useMe } from '../../ui/me-context';
import { Panel } from '../../ui/Panel';
import { casesApi, caseTimelineKey } from './cases-api';

const LIMIT = 20;

/**
 * Everything about the case in one list, newest first: linked contacts, mail, notes, tasks,
 * decisions, and its own changes (the server writes each entry's French wording).
 */
export function CaseTimelinePanel({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const timeline = useInfiniteQuery({
    queryKey: caseTimelineKey(caseId),
    queryFn: ({ pageParam }) => casesApi.timeline(caseId, pageParam, LIMIT),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const entries = timeline.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <Panel title={t('cases.timeline.title')}>
      <Stack gap="sm">
        {timeline.isError && <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />}
        {timeline.isPending && <Text size="sm">{t('common.loading')}</Text>}
        {timeline.isSuccess && entries.length === 0 && <Text size="sm">{t('cases.timeline.empty')}</Text>}
        {entries.length > 0 && (
          <Timeline bulletSize={12} lineWidth={2} aria-label={t('cases.timeline.title')}>
            {entries.map((e) => (
              <Timeline.Item key={e.id} title={e.title}>
                {e.detail &&
                  (e.url ? (
                    <Anchor component={Link} to={e.url} size="sm">
                      {e.detail}
                    </Anchor>
                  ) : (
                    <Text size="sm">{e.detail}</Text>
                  ))}
                <Text size="xs" c="dimmed">
                  {formatDateTime(e.at, me.organisation.timeZone, i18n.language)}
                  {e.actorName ? ` · ${e.actorName}` : ''}
                </Text>
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
            {t('common.loadMore')}
          </Button>
        )}
      </Stack>
    </Panel>
  );
}
