import type { TInvitation } from '@dircab/contracts';
import { Anchor, Badge, Button, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorState } from '../../../ui/ErrorState';
import { LoadMoreButton } from '../../../ui/LoadMoreButton';
import { useMe } from '../../../ui/me-context';
import { TableScroller } from '../../../ui/TableScroller';
import { usePageTitle } from '../../../ui/use-page-title';
import { formatDay } from '../../correspondence/correspondence-rules';
import { formatWhen } from './agenda-time';
import { InvitationStatusBadge } from './InvitationStatusBadge';
import { canAnswerInvitations } from './invitation-rules';
import {
  type InvitationTab,
  invitationListKey,
  invitationPath,
  invitationsApi,
  NEW_INVITATION_PATH,
  REPRESENTATION_PATH,
} from './invitations-api';

const TABS: readonly InvitationTab[] = ['pending', 'overdue', 'accepted', 'delegated', 'declined'];

/** Invitations received: those to answer by their deadline first, then the answered ones by status. */
export function InvitationsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as InvitationTab)
    : 'pending';
  usePageTitle(t('agendaInvitations.title'));
  const list = useInfiniteQuery({
    queryKey: invitationListKey(tab),
    queryFn: ({ pageParam }) => invitationsApi.list(tab, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/agenda" size="sm">
        {t('agendaInvitations.backToAgenda')}
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('agendaInvitations.title')}</Title>
        <Group gap="xs">
          <Button component={Link} to={REPRESENTATION_PATH} variant="default">
            {t('agendaInvitations.report.open')}
          </Button>
          {canAnswerInvitations(me.role) && (
            <Button component={Link} to={NEW_INVITATION_PATH}>
              {t('agendaInvitations.create.open')}
            </Button>
          )}
        </Group>
      </Group>
      <SegmentedControl
        aria-label={t('agendaInvitations.tabsLabel')}
        value={tab}
        onChange={(value) => setParams(value === 'pending' ? {} : { status: value })}
        data={TABS.map((value) => ({ value, label: t(`agendaInvitations.tabs.${value}`) }))}
        style={{ alignSelf: 'flex-start' }}
      />
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Text>{t('common.loading')}</Text>
      ) : rows.length === 0 ? (
        <Text>{t(`agendaInvitations.empty.${tab}`)}</Text>
      ) : (
        <InvitationsTable rows={rows} />
      )}
      <LoadMoreButton query={list} />
    </Stack>
  );
}

function InvitationsTable({ rows }: { rows: TInvitation[] }) {
  const { t, i18n } = useTranslation();
  const timeZone = useMe().organisation.timeZone;
  return (
    <TableScroller label={t('agendaInvitations.tableLabel')} minWidth={820}>
      <Table highlightOnHover verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('agendaInvitations.fields.title')}</Table.Th>
            <Table.Th>{t('agendaInvitations.fields.organiser')}</Table.Th>
            <Table.Th>{t('agendaInvitations.fields.when')}</Table.Th>
            <Table.Th>{t('agendaInvitations.fields.answerBy')}</Table.Th>
            <Table.Th>{t('agendaInvitations.fields.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Td>
                <Anchor component={Link} to={invitationPath(row.id)}>
                  {row.title}
                </Anchor>
              </Table.Td>
              <Table.Td>{row.organiserName}</Table.Td>
              <Table.Td>{formatWhen(row, timeZone, i18n.language)}</Table.Td>
              <Table.Td>
                <Group gap={6}>
                  <Text size="sm" c={row.overdue ? 'red.9' : undefined} fw={row.overdue ? 700 : undefined}>
                    {formatDay(row.answerBy, i18n.language)}
                  </Text>
                  {row.overdue && (
                    <Badge variant="filled" color="red.9">
                      {t('agendaInvitations.overdue')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <InvitationStatusBadge status={row.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroller>
  );
}
