import { Button, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditKey, fetchAudit, type AuditFilters as TFilters } from '../../app/api/audit-api';
import { ErrorState } from '../../ui/ErrorState';
import { dayBoundary } from '../../ui/format';
import { useMe } from '../../ui/me-context';
import { usePageTitle } from '../../ui/use-page-title';
import { AuditFilters, type AuditFilterValues, EMPTY_FILTERS } from './AuditFilters';
import { AuditTable } from './AuditTable';

const LIMIT = 50;

/** Form values to API filters: days are read in the organisation's time zone. */
function toQuery(values: AuditFilterValues, timeZone: string): TFilters {
  return {
    recordType: values.recordType.trim() || undefined,
    recordId: values.recordId.trim() || undefined,
    actorId: values.actorId ?? undefined,
    from: values.from ? dayBoundary(values.from, timeZone) : undefined,
    to: values.to ? dayBoundary(values.to, timeZone, true) : undefined,
  };
}

export default function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('modules.audit.label'));
  const me = useMe();
  const [values, setValues] = useState<AuditFilterValues>(EMPTY_FILTERS);
  const filters = toQuery(values, me.organisation.timeZone);
  const audit = useInfiniteQuery({
    queryKey: auditKey(filters, LIMIT),
    queryFn: ({ pageParam }) => fetchAudit(filters, LIMIT, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const entries = audit.data?.pages.flatMap((p) => p.data) ?? [];

  // The actor filter offers the people seen so far: the audit roles may not list members.
  const seen = useRef(new Map<string, string>());
  const actors = useMemo(() => {
    for (const e of entries) if (e.actorId && e.actorName) seen.current.set(e.actorId, e.actorName);
    return Array.from(seen.current, ([value, label]) => ({ value, label })).sort((a, b) =>
      a.label.localeCompare(b.label),
    );
  }, [entries]);

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('modules.audit.label')}</Title>
        <Text c="dimmed">{t('audit.intro')}</Text>
      </div>
      <AuditFilters initial={values} actors={actors} onApply={setValues} />
      {audit.isError && <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />}
      {audit.isPending && <Text>{t('common.loading')}</Text>}
      {audit.isSuccess && entries.length === 0 && <Text>{t('audit.empty')}</Text>}
      {entries.length > 0 && <AuditTable entries={entries} />}
      {audit.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void audit.fetchNextPage()}
          loading={audit.isFetchingNextPage}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
