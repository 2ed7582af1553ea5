import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  caption: string;
  groupLabel: string;
  rows: { label: string; count: number }[];
  total: number;
}

/** How many items fall in each group, with their share of the period's items. */
export function CountsTable({ caption, groupLabel, rows, total }: Props) {
  const { t, i18n } = useTranslation();
  const share = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <Table striped>
      <Table.Caption>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{groupLabel}</Table.Th>
          <Table.Th scope="col">{t('correspondenceFigures.count')}</Table.Th>
          <Table.Th scope="col">{t('correspondenceFigures.share')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.label}>
            <Table.Th scope="row" fw={500}>
              {row.label}
            </Table.Th>
            <Table.Td>{row.count}</Table.Td>
            <Table.Td>{total > 0 ? share.format(row.count / total) : '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
