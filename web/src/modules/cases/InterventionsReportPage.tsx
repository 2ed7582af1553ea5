import { INTERVENTION_OUTCOMES } from '@dircab/contracts';
import { Anchor, Button, Group, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../ui/ErrorState';
import { TableScroller } from '../../ui/TableScroller';
import { usePageTitle } from '../../ui/use-page-title';
import { CASES_KEY, CASES_PATH, casesApi } from './cases-api';

type By = 'official' | 'institution';

/** The year so far: what a cabinet reports on first. */
function defaultPeriod(): { from: string; to: string } {
  const today = new Date().toISOString().slice(0, 10);
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/** The interventions of a period, per official or per institution, with their outcomes. */
export function InterventionsReportPage() {
  const { t } = useTranslation();
  usePageTitle(t('cases.report.title'));
  const [draft, setDraft] = useState(defaultPeriod);
  const [period, setPeriod] = useState(draft);
  const [by, setBy] = useState<By>('official');
  const report = useQuery({
    queryKey: [...CASES_KEY, 'report', period, by],
    queryFn: () => casesApi.interventionReport(period.from, period.to, by),
    retry: false,
  });
  const rows = report.data?.rows ?? [];
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={CASES_PATH} size="sm">
        {t('cases.backToList')}
      </Anchor>
      <Title order={1}>{t('cases.report.title')}</Title>
      <form
        aria-label={t('cases.report.period')}
        onSubmit={(e) => {
          e.preventDefault();
          setPeriod(draft);
        }}
      >
        <Group align="flex-end">
          <TextInput
            type="date"
            label={t('cases.report.from')}
            value={draft.from}
            onChange={(e) => setDraft((d) => ({ ...d, from: e.currentTarget.value }))}
            required
          />
          <TextInput
            type="date"
            label={t('cases.report.to')}
            value={draft.to}
            onChange={(e) => setDraft((d) => ({ ...d, to: e.currentTarget.value }))}
            required
          />
          <Button type="submit">{t('cases.report.show')}</Button>
        </Group>
      </form>
      <SegmentedControl
        aria-label={t('cases.report.by')}
        value={by}
        onChange={(v) => setBy(v as By)}
        data={[
          { value: 'official', label: t('cases.report.byOfficial') },
          { value: 'institution', label: t('cases.report.byInstitution') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      {report.isError && <ErrorState error={report.error} onRetry={() => void report.refetch()} />}
      {report.isSuccess && rows.length === 0 && <Text>{t('cases.report.empty')}</Text>}
      {rows.length > 0 && (
        <TableScroller label={t('cases.report.title')} minWidth={720}>
          <Table striped>
            <Table.Caption>{t('cases.report.caption', { from: period.from, to: period.to })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">
                  {by === 'official' ? t('cases.report.official') : t('cases.report.institution')}
                </Table.Th>
                <Table.Th scope="col">{t('cases.report.total')}</Table.Th>
                {INTERVENTION_OUTCOMES.map((o) => (
                  <Table.Th scope="col" key={o}>
                    {t(`cases.outcomes.${o}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={`${r.id ?? ''}:${r.label}`}>
                  <Table.Th scope="row">{r.label}</Table.Th>
                  <Table.Td>{r.total}</Table.Td>
                  {INTERVENTION_OUTCOMES.map((o) => (
                    <Table.Td key={o}>{r.outcomes[o] ?? 0}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroller>
      )}
    </Stack>
  );
}
