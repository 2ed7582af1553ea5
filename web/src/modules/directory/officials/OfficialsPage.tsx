import type { TMandate, TOfficial } from '@dircab/contracts';
import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorState } from '../../../ui/ErrorState';
import { LoadMoreButton } from '../../../ui/LoadMoreButton';
import { useMe } from '../../../ui/me-context';
import { TableScroller } from '../../../ui/TableScroller';
import { usePageTitle } from '../../../ui/use-page-title';
import { DirectoryTabs } from '../DirectoryTabs';
import { OfficialFormModal } from './OfficialFormModal';
import { OFFICIALS_KEY, officialPath, officialsApi } from './officials-api';
import { canSeeAffiliations, canWriteOfficials, currentMandates, todayIso } from './officials-rules';
import { useMandateLabel } from './use-mandate-label';

/** /directory/officials: the council in its order, with functions, portfolios and (for the cabinet) groups. */
export function OfficialsPage() {
  const { t } = useTranslation();
  usePageTitle(t('officials.title'));
  const me = useMe();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const list = useInfiniteQuery({
    queryKey: [...OFFICIALS_KEY, 'list'],
    queryFn: ({ pageParam }) => officialsApi.officials(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const officials = list.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{t('officials.title')}</Title>
          <Text c="dimmed">{t('officials.intro')}</Text>
        </div>
        {canWriteOfficials(me.role) && (
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
            {t('officials.new')}
          </Button>
        )}
      </Group>
      <DirectoryTabs />
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && <Text>{t('common.loading')}</Text>}
      {list.isSuccess && officials.length === 0 && <Text>{t('officials.empty')}</Text>}
      {officials.length > 0 && <OfficialsTable officials={officials} showGroup={canSeeAffiliations(me.role)} />}
      <LoadMoreButton query={list} />
      <OfficialFormModal
        opened={creating}
        official={null}
        onClose={() => setCreating(false)}
        onSaved={(o) => navigate(officialPath(o.id))}
      />
    </Stack>
  );
}

export function OfficialsTable({ officials, showGroup }: { officials: TOfficial[]; showGroup: boolean }) {
  const { t } = useTranslation();
  const mandateLabel = useMandateLabel();
  const today = todayIso();
  const functions = (mandates: TMandate[]) =>
    currentMandates(mandates, today)
      .map((m) => mandateLabel(m))
      .join(', ');
  return (
    <TableScroller label={t('officials.tableLabel')} minWidth={720}>
      <Table striped highlightOnHover>
        <Table.Caption>{t('officials.caption', { count: officials.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('officials.name')}</Table.Th>
            <Table.Th scope="col">{t('officials.function')}</Table.Th>
            <Table.Th scope="col">{t('officials.portfolios')}</Table.Th>
            {showGroup && <Table.Th scope="col">{t('officials.group')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {officials.map((o) => (
            <Table.Tr key={o.id}>
              <Table.Td>
                <Anchor component={Link} to={officialPath(o.id)} fw={500}>
                  {o.displayName}
                </Anchor>
              </Table.Td>
              <Table.Td>{functions(o.mandates) || t('officials.noMandateInForce')}</Table.Td>
              <Table.Td>{o.portfolios.join(', ')}</Table.Td>
              {showGroup && (
                <Table.Td>
                  {o.politicalGroup && (
                    <>
                      {o.politicalGroup.name}{' '}
                      <Badge size="sm" variant="outline" color="gray.8" tt="none">
                        {t(`officials.sides.${o.politicalGroup.side}`)}
                      </Badge>
                    </>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroller>
  );
}
