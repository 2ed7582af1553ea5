import { Anchor, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../../ui/ErrorState';
import { useMe } from '../../../ui/me-context';
import { TableScroller } from '../../../ui/TableScroller';
import { usePageTitle } from '../../../ui/use-page-title';
import { formatDay } from '../../correspondence/correspondence-rules';
import { formatLongDay, todayIn } from './agenda-time';
import { INVITATIONS_KEY, INVITATIONS_PATH, invitationsApi } from './invitations-api';

/** The year so far by default: what a cabinet reports on. */
function defaultPeriod(today: string) {
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/** Who represented whom, how often, over a period: a table with each occasion. */
export function RepresentationReportPage() {
  const { t, i18n } = useTranslation();
  const timeZone = useMe().organisation.timeZone;
  const [draft, setDraft] = useState(() => defaultPeriod(todayIn(timeZone)));
  const [period, setPeriod] = useState(draft);
  usePageTitle(t('agendaInvitations.report.title'));
  const report = useQuery({
    queryKey: [...INVITATIONS_KEY, 'report', period.from, period.to],
    queryFn: () => invitationsApi.report(period.from, period.to),
    enabled: Boolean(period.from && period.to),
  });
  const rows = report.data?.data ?? [];
  const total = rows.reduce((n, r) => n + r.count, 0);
  return (
    <Stack gap="md">
      <Anchor component={Link} to={INVITATIONS_PATH} size="sm">
        {t('agendaInvitations.backToList')}
      </Anchor>
      <Title order={1}>{t('agendaInvitations.report.title')}</Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setPeriod(draft);
        }}
      >
        <Group align="flex-end" gap="xs">
          <TextInput
            type="date"
            label={t('agendaInvitations.report.from')}
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t('agendaInvitations.report.to')}
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
          />
          <Button type="submit" variant="default">
            {t('agendaInvitations.report.show')}
          </Button>
        </Group>
      </form>
      {report.isError && <ErrorState error={report.error} onRetry={() => void report.refetch()} />}
      {report.isSuccess && (
        <Text>
          {t('agendaInvitations.report.summary', {
            count: total,
            from: formatDay(period.from, i18n.language),
            to: formatDay(period.to, i18n.language),
          })}
        </Text>
      )}
      {rows.length > 0 && (
        <TableScroller label={t('agendaInvitations.report.tableLabel')} minWidth={720}>
          <Table verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('agendaInvitations.report.official')}</Table.Th>
                <Table.Th>{t('agendaInvitations.report.represented')}</Table.Th>
                <Table.Th>{t('agendaInvitations.report.count')}</Table.Th>
                <Table.Th>{t('agendaInvitations.report.events')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={`${row.officialId}-${row.representedOfficialId}`}>
                  <Table.Td>{row.officialName}</Table.Td>
                  <Table.Td>{row.representedName}</Table.Td>
                  <Table.Td>{row.count}</Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {row.events.map((e) => (
                        <Text key={e.eventId} size="sm">
                          {formatLongDay(e.start, timeZone, i18n.language)} — {e.title}
                        </Text>
                      ))}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroller>
      )}
    </Stack>
  );
}
