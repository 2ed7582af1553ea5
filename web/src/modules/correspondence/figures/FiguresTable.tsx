import type { TFiguresRow } from '@dircab/contracts';
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TableScroller } from '../../../ui/TableScroller';

interface Props {
  caption: string;
  /** The first column's heading: service or item type. */
  groupLabel: string;
  rows: TFiguresRow[];
}

const p = 'correspondenceFigures';

/** One group's figures as a table with a caption: screen readers get the numbers, not a picture. */
export function FiguresTable({ caption, groupLabel, rows }: Props) {
  const { t, i18n } = useTranslation();
  const days = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const share = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const orDash = (n: number | null, f: Intl.NumberFormat) => (n === null ? '—' : f.format(n));
  return (
    <TableScroller label={caption} minWidth={760}>
      <Table striped>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{groupLabel}</Table.Th>
            <Table.Th scope="col">{t(`${p}.received`)}</Table.Th>
            <Table.Th scope="col">{t(`${p}.closed`)}</Table.Th>
            <Table.Th scope="col">{t(`${p}.median`)}</Table.Th>
            <Table.Th scope="col">{t(`${p}.p90`)}</Table.Th>
            <Table.Th scope="col">{t(`${p}.withinDue`)}</Table.Th>
            <Table.Th scope="col">{t(`${p}.openOverdue`)}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id ?? 'none'}>
              <Table.Th scope="row" fw={500}>
                {row.label}
              </Table.Th>
              <Table.Td>{row.received}</Table.Td>
              <Table.Td>{row.closed}</Table.Td>
              <Table.Td>{orDash(row.medianDays, days)}</Table.Td>
              <Table.Td>{orDash(row.p90Days, days)}</Table.Td>
              <Table.Td>{orDash(row.withinDueShare, share)}</Table.Td>
              <Table.Td c={row.openOverdue > 0 ? 'red.9' : undefined}>{row.openOverdue}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroller>
  );
}
