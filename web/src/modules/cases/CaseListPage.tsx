import {
  CASE_KINDS,
  CASE_STATUSES,
  RISK_LEVELS,
  type TCase,
  type TCaseKind,
  type TCaseStatus,
  type TRiskLevel,
} from '@dircab/contracts';
import { Anchor, Button, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconReportAnalytics } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorState } from '../../ui/ErrorState';
import { LoadMoreButton } from '../../ui/LoadMoreButton';
import { useMe } from '../../ui/me-context';
import { TableScroller } from '../../ui/TableScroller';
import { usePageTitle } from '../../ui/use-page-title';
import { allTerritories, TERRITORIES_KEY } from '../directory/directory-api';
import { CaseBadges } from './CaseBadges';
import { CaseFormModal } from './CaseFormModal';
import { canCreateCase, canReadInterventionReport } from './case-rules';
import {
  type CaseFilters,
  casePath,
  casesApi,
  casesKey,
  EMPTY_CASE_FILTERS,
  INTERVENTIONS_REPORT_PATH,
} from './cases-api';
import { MemberSelect } from './MemberMultiSelect';
import { useMemberNames } from './use-member-options';

const LIMIT = 50;

/** The cases the user may see, newest first, with the filters a cabinet sorts its work by. */
export function CaseListPage() {
  const { t } = useTranslation();
  usePageTitle(t('modules.cases.label'));
  const me = useMe();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<CaseFilters>(EMPTY_CASE_FILTERS);
  const [filters, setFilters] = useState<CaseFilters>(EMPTY_CASE_FILTERS);
  const [creating, setCreating] = useState(false);
  const territories = useQuery({ queryKey: TERRITORIES_KEY, queryFn: allTerritories, staleTime: 60_000 });
  const list = useInfiniteQuery({
    queryKey: casesKey(filters),
    queryFn: ({ pageParam }) => casesApi.list(filters, LIMIT, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const cases = list.data?.pages.flatMap((p) => p.data) ?? [];
  const set = <K extends keyof CaseFilters>(key: K, value: CaseFilters[K]) => setDraft((d) => ({ ...d, [key]: value }));

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{t('modules.cases.label')}</Title>
          <Text c="dimmed">{t('cases.intro')}</Text>
        </div>
        <Group gap="xs">
          {canReadInterventionReport(me.role) && (
            <Button
              component={Link}
              to={INTERVENTIONS_REPORT_PATH}
              variant="default"
              leftSection={<IconReportAnalytics size={18} aria-hidden />}
            >
              {t('cases.report.open')}
            </Button>
          )}
          {canCreateCase(me.role) && (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
              {t('cases.new')}
            </Button>
          )}
        </Group>
      </Group>
      <form
        aria-label={t('cases.filters.label')}
        onSubmit={(e) => {
          e.preventDefault();
          setFilters(draft);
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          <Select
            label={t('cases.fields.kind')}
            data={CASE_KINDS.map((k) => ({ value: k, label: t(`cases.kinds.${k}`) }))}
            value={draft.kind || null}
            onChange={(v) => set('kind', (v ?? '') as TCaseKind | '')}
            clearable
          />
          <Select
            label={t('cases.fields.status')}
            data={CASE_STATUSES.map((k) => ({ value: k, label: t(`cases.statuses.${k}`) }))}
            value={draft.status || null}
            onChange={(v) => set('status', (v ?? '') as TCaseStatus | '')}
            clearable
          />
          <MemberSelect
            label={t('cases.fields.owner')}
            value={draft.ownerId || null}
            onChange={(v) => set('ownerId', v ?? '')}
          />
          <Select
            label={t('cases.fields.riskLevel')}
            data={RISK_LEVELS.map((k) => ({ value: k, label: t(`cases.risks.${k}`) }))}
            value={draft.riskLevel || null}
            onChange={(v) => set('riskLevel', (v ?? '') as TRiskLevel | '')}
            clearable
          />
          <Select
            label={t('cases.fields.territory')}
            data={(territories.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
            value={draft.territoryId || null}
            onChange={(v) => set('territoryId', v ?? '')}
            clearable
            searchable
            nothingFoundMessage={t('cases.nothing')}
          />
          <TextInput
            label={t('cases.fields.topic')}
            value={draft.topic}
            onChange={(e) => set('topic', e.currentTarget.value)}
          />
        </SimpleGrid>
        <Group mt="sm">
          <Button type="submit">{t('cases.filters.apply')}</Button>
          <Button
            variant="default"
            onClick={() => {
              setDraft(EMPTY_CASE_FILTERS);
              setFilters(EMPTY_CASE_FILTERS);
            }}
          >
            {t('cases.filters.reset')}
          </Button>
        </Group>
      </form>
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && <Text>{t('common.loading')}</Text>}
      {list.isSuccess && cases.length === 0 && <Text>{t('cases.empty')}</Text>}
      {cases.length > 0 && <CasesTable cases={cases} />}
      <LoadMoreButton query={list} />
      <CaseFormModal opened={creating} onClose={() => setCreating(false)} onSaved={(c) => navigate(casePath(c.id))} />
    </Stack>
  );
}

function CasesTable({ cases }: { cases: TCase[] }) {
  const { t } = useTranslation();
  const names = useMemberNames(cases.flatMap((c) => (c.ownerId ? [c.ownerId] : [])));
  return (
    <TableScroller label={t('cases.tableLabel')} minWidth={760}>
      <Table striped highlightOnHover>
        <Table.Caption>{t('cases.caption', { count: cases.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('cases.fields.title')}</Table.Th>
            <Table.Th scope="col">{t('cases.fields.kind')}</Table.Th>
            <Table.Th scope="col">{t('cases.fields.status')}</Table.Th>
            <Table.Th scope="col">{t('cases.fields.owner')}</Table.Th>
            <Table.Th scope="col">{t('cases.fields.dueDate')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cases.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Anchor component={Link} to={casePath(c.id)} fw={500}>
                  {c.title}
                </Anchor>
                <CaseBadges value={c} size="sm" />
              </Table.Td>
              <Table.Td>{t(`cases.kinds.${c.kind}`)}</Table.Td>
              <Table.Td>{t(`cases.statuses.${c.status}`)}</Table.Td>
              <Table.Td>{c.ownerId ? (names.get(c.ownerId) ?? t('cases.someone')) : ''}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{c.dueDate ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroller>
  );
}
