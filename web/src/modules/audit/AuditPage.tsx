import { Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AUDIT_ACTORS_KEY,
  auditKey,
  fetchAudit,
  fetchAuditActors,
  type AuditFilters as TFilters,
} from '../../app/api/audit-api';
import { ErrorState } from '../../ui/ErrorState';
import { dayBoundary } from '../../ui/format';
import { LoadMoreButton } from '../../ui/LoadMoreButton';
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

  // Every member, past and present, whether or not they appear in the pages loaded so far.
  const actorsQuery = useQuery({ queryKey: AUDIT_ACTORS_KEY, queryFn: fetchAuditActors, staleTime: 5 * 60_000 });
  const actors = useMemo(
    () =>
      (actorsQuery.data ?? [])
        .map(({ id, name }) => ({ value: id, label: name }))
        .sort((a, b) => a.label.localeCompare(b.label, 'fr')),
    [actorsQuery.data],
  );

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('modules.audit.label')}</Title>
        <Text c="dimmed">{t('audit.intro')}</Text>
      </div>
      <AuditFilters
        initial={values}
        actors={actors}
        actorsState={actorsQuery.isError ? 'error' : actorsQuery.isPending ? 'loading' : 'ready'}
        onApply={setValues}
      />
      {audit.isError && <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />}
      {audit.isPending && <Text>{t('common.loading')}</Text>}
      {audit.isSuccess && entries.length === 0 && <Text>{t('audit.empty')}</Text>}
      {entries.length > 0 && <AuditTable entries={entries} />}
      <LoadMoreButton query={audit} />
    </Stack>
  );
}
