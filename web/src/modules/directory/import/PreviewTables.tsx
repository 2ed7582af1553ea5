import { CSV_TARGET_FIELDS, type TCsvMapping, type TCsvTargetField } from '@dircab/contracts';
import { Select, SimpleGrid, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TableScroller } from '../../../ui/TableScroller';
import { isCsvField } from './csv-fields';

const IGNORE = 'ignore';

/** One select per CSV column: the contact field it fills, or ignored. */
export function MappingSelects({
  columns,
  mapping,
  onChange,
}: {
  columns: string[];
  mapping: TCsvMapping;
  onChange: (column: string, field: TCsvTargetField | null) => void;
}) {
  const { t } = useTranslation();
  const options = [
    { value: IGNORE, label: t('importWizard.ignoreColumn') },
    ...CSV_TARGET_FIELDS.map((f) => ({ value: f, label: t(`importWizard.fields.${f}`) })),
  ];
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend style={{ fontWeight: 600, marginBottom: 8 }}>{t('importWizard.mappingLegend')}</legend>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {columns.map((column) => (
          <Select
            key={column}
            label={t('importWizard.mapColumn', { column })}
            data={options}
            value={mapping[column] ?? IGNORE}
            onChange={(v) => onChange(column, v && isCsvField(v) ? v : null)}
            allowDeselect={false}
            searchable
            nothingFoundMessage={t('importWizard.noField')}
          />
        ))}
      </SimpleGrid>
    </fieldset>
  );
}

/** The first rows of the file as the server read them, cell by cell. */
export function SampleTable({ columns, sample }: { columns: string[]; sample: string[][] }) {
  const { t } = useTranslation();
  return (
    <TableScroller label={t('importWizard.sampleLabel')} minWidth={Math.max(480, columns.length * 140)}>
      <Table striped>
        <Table.Caption>{t('importWizard.sampleCaption', { count: sample.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c, i) => (
              // Two columns may carry the same header.
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
              <Table.Th key={`${c}-${i}`} scope="col">
                {c}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sample.map((row, r) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows of a file are positional
            <Table.Tr key={r}>
              {columns.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                <Table.Td key={`${c}-${i}`}>{row[i] ?? ''}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroller>
  );
}
