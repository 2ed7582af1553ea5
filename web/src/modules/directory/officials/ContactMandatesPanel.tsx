import type { TContact } from '@dircab/contracts';
import { Anchor, Badge, Button, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../../ui/ErrorState';
import { Panel } from '../../../ui/Panel';
import { TableScroller } from '../../../ui/TableScroller';
import { contactMandates, contactMandatesKey } from './contact-mandates-api';
import { officialPath } from './officials-api';
import { formatIsoDate } from './officials-rules';
import { useMandateLabel } from './use-mandate-label';

const LIMIT = 20;

/**
 * « Mandats » on the contact's page: the organisation's officials and the elected persons of
 * other bodies (other mayors, the préfet, députés…), worded as the officials pages word them.
 */
export function ContactMandatesPanel({ contact }: { contact: TContact }) {
  const { t, i18n } = useTranslation();
  const mandateLabel = useMandateLabel();
  const mandates = useInfiniteQuery({
    queryKey: contactMandatesKey(contact.id),
    queryFn: ({ pageParam }) => contactMandates(contact.id, pageParam, LIMIT),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const rows = mandates.data?.pages.flatMap((p) => p.data) ?? [];
  const date = (d: string | null) => (d ? formatIsoDate(d, i18n.language) : '');

  return (
    <Panel title={t('mandates.title')}>
      <Stack gap="sm">
        {mandates.isError && <ErrorState error={mandates.error} onRetry={() => void mandates.refetch()} />}
        {mandates.isPending && <Text size="sm">{t('common.loading')}</Text>}
        {mandates.isSuccess && rows.length === 0 && <Text size="sm">{t('mandates.empty')}</Text>}
        {rows.length > 0 && (
          <TableScroller label={t('mandates.tableLabel', { name: contact.displayName })} minWidth={720}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('officials.function')}</Table.Th>
                  <Table.Th scope="col">{t('officials.body')}</Table.Th>
                  <Table.Th scope="col">{t('officials.collectivity')}</Table.Th>
                  <Table.Th scope="col">{t('officials.start')}</Table.Th>
                  <Table.Th scope="col">{t('officials.end')}</Table.Th>
                  <Table.Th scope="col">{t('officials.source')}</Table.Th>
                  <Table.Th scope="col">{t('mandates.official')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>
                      {mandateLabel(m)}
                      {!m.inForce && (
                        <Badge ml="xs" size="sm" variant="outline" color="gray.8" tt="none">
                          {t('officials.ended')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{m.bodyName ?? t(`officials.bodies.${m.body}`)}</Table.Td>
                    <Table.Td>
                      {[m.collectivityName, m.collectivityCode && `(${m.collectivityCode})`].filter(Boolean).join(' ')}
                    </Table.Td>
                    <Table.Td>{date(m.startDate)}</Table.Td>
                    <Table.Td>{date(m.endDate)}</Table.Td>
                    <Table.Td>
                      {m.source ? t(`officials.sources.${m.source}`, { defaultValue: m.source }) : ''}
                    </Table.Td>
                    <Table.Td>
                      {m.officialId && (
                        <Anchor component={Link} to={officialPath(m.officialId)} size="sm">
                          {t('mandates.officialLink')}
                        </Anchor>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroller>
        )}
        {mandates.hasNextPage && (
          <Button
            variant="default"
            size="xs"
            onClick={() => void mandates.fetchNextPage()}
            loading={mandates.isFetchingNextPage}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('mandates.more')}
          </Button>
        )}
      </Stack>
    </Panel>
  );
}
