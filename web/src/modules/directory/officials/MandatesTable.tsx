import type { TMandate } from '@dircab/contracts';
import { Anchor, Badge, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TableScroller } from '../../../ui/TableScroller';
import { officialPath } from './officials-api';
import { formatIsoDate } from './officials-rules';
import { useMandateLabel } from './use-mandate-label';

type MandateRow = Pick<
  TMandate,
  | 'id'
  | 'function'
  | 'rank'
  | 'label'
  | 'body'
  | 'bodyName'
  | 'collectivityName'
  | 'collectivityCode'
  | 'startDate'
  | 'endDate'
  | 'source'
> & { officialId?: string | null };

/**
 * Mandates as the officials pages word them (function, body, collectivity, dates, source), an
 * ended one badged. The contact page adds a column linking to the organisation's official.
 */
export function MandatesTable<M extends MandateRow>({
  mandates,
  label,
  inForce,
  withOfficialLink = false,
}: {
  mandates: readonly M[];
  /** The table's accessible name. */
  label: string;
  inForce: (m: M) => boolean;
  withOfficialLink?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const mandateLabel = useMandateLabel();
  const date = (d: string | null) => (d ? formatIsoDate(d, i18n.language) : '');
  return (
    <TableScroller label={label} minWidth={withOfficialLink ? 720 : 640}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('officials.function')}</Table.Th>
            <Table.Th scope="col">{t('officials.body')}</Table.Th>
            <Table.Th scope="col">{t('officials.collectivity')}</Table.Th>
            <Table.Th scope="col">{t('officials.start')}</Table.Th>
            <Table.Th scope="col">{t('officials.end')}</Table.Th>
            <Table.Th scope="col">{t('officials.source')}</Table.Th>
            {withOfficialLink && <Table.Th scope="col">{t('mandates.official')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {mandates.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>
                {mandateLabel(m)}
                {!inForce(m) && (
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
              <Table.Td>{m.source ? t(`officials.sources.${m.source}`, { defaultValue: m.source }) : ''}</Table.Td>
              {withOfficialLink && (
                <Table.Td>
                  {m.officialId && (
                    <Anchor component={Link} to={officialPath(m.officialId)} size="sm">
                      {t('mandates.officialLink')}
                    </Anchor>
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
