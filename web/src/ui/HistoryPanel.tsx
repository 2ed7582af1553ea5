import { Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { auditKey, fetchAudit } from '../app/api/audit-api';
import { AuditSummary } from './AuditSummary';
import { ErrorState } from './ErrorState';
import { formatDateTime } from './format';
import { LoadMoreButton } from './LoadMoreButton';
import { useHasModule, useMe } from './me-context';

interface Props {
  recordType: string;
  recordId: string;
}

const LIMIT = 10;

/** The audit trail of one record. Only roles with the audit module read it (the server agrees). */
export function HistoryPanel(props: Props) {
  const canRead = useHasModule('audit');
  return canRead ? <HistoryList {...props} /> : null;
}

function HistoryList({ recordType, recordId }: Props) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const filters = { recordType, recordId };
  const history = useInfiniteQuery({
    queryKey: auditKey(filters, LIMIT),
    queryFn: ({ pageParam }) => fetchAudit(filters, LIMIT, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const entries = history.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <Paper component="section" withBorder p="md" aria-labelledby={`history-${recordId}`}>
      <Title order={2} size="h4" id={`history-${recordId}`} mb="sm">
        {t('history.title')}
      </Title>
      {history.isError && <ErrorState error={history.error} onRetry={() => void history.refetch()} />}
      {history.isPending && <Text size="sm">{t('common.loading')}</Text>}
      {history.isSuccess && entries.length === 0 && <Text size="sm">{t('history.empty')}</Text>}
      {entries.length > 0 && (
        <Stack gap="sm">
          <Timeline bulletSize={12} lineWidth={2}>
            {entries.map((entry) => (
              <Timeline.Item key={entry.id} title={t(`audit.actions.${entry.action}`, { defaultValue: entry.action })}>
                <Text size="xs" c="dimmed">
                  {formatDateTime(entry.at, me.organisation.timeZone, i18n.language)} ·{' '}
                  {entry.actorName ?? t('audit.system')}
                </Text>
                <AuditSummary summary={entry.summary} />
              </Timeline.Item>
            ))}
          </Timeline>
          <LoadMoreButton query={history} size="xs" />
        </Stack>
      )}
    </Paper>
  );
}
