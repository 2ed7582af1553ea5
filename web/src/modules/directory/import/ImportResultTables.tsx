import type { TImportResult, TImportRowError } from '@dircab/contracts';
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TableScroller } from '../../../ui/TableScroller';
import { csvFieldLabel } from './csv-fields';

/** The counts of a dry run or an import, one row each, so they read as « Créés : 526 ». */
export function ImportCounts({ result, caption }: { result: TImportResult; caption: string }) {
  const { t, i18n } = useTranslation();
  const rows: [string, number][] = [
    [t('importWizard.counts.rows'), result.rows],
    [t('importWizard.counts.created'), result.created],
    [t('importWizard.counts.updated'), result.updated],
    [t('importWizard.counts.unchanged'), result.unchanged],
    [t('importWizard.counts.skipped'), result.skipped],
    [t('importWizard.counts.errors'), result.errors.length],
  ];
  return (
    <Table withTableBorder maw={420}>
      <Table.Caption>{caption}</Table.Caption>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row">{label}</Table.Th>
            <Table.Td ta="right">{value.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'fr-FR')}</Table.Td>
          </Table.Tr>
        ))}
        {result.durationMs !== undefined && (
          <Table.Tr>
            <Table.Th scope="row">{t('importWizard.counts.duration')}</Table.Th>
            <Table.Td ta="right">
              {t('importWizard.seconds', {
                value: (result.durationMs / 1000).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'fr-FR', {
                  maximumFractionDigits: 1,
                }),
              })}
            </Table.Td>
          </Table.Tr>
        )}
      </Table.Tbody>
    </Table>
  );
}

/** The server reports the first 1,000 row errors (contracts/src/imports.ts). */
const MAX_REPORTED_ERRORS = 1000;

/** The rows in error: line of the file, field at fault, the server's French message. */
export function RowErrorsTable({ errors }: { errors: TImportRowError[] }) {
  const { t } = useTranslation();
  if (errors.length === 0) return <Text>{t('importWizard.noErrors')}</Text>;
  // A row may fail on several fields; the server sends the first 1,000 errors only.
  const lines = new Set(errors.map((e) => e.row)).size;
  return (
    <TableScroller label={t('importWizard.errorsLabel')} minWidth={560}>
      <Table striped>
        <Table.Caption>
          {errors.length >= MAX_REPORTED_ERRORS
            ? t('importWizard.errorsCaptionCapped', { count: errors.length })
            : t('importWizard.errorsCaption', { count: errors.length, lines })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('importWizard.line')}</Table.Th>
            <Table.Th scope="col">{t('importWizard.field')}</Table.Th>
            <Table.Th scope="col">{t('importWizard.message')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {errors.map((e) => (
            <Table.Tr key={`${e.row}-${e.field ?? ''}-${e.message}`}>
              <Table.Td>{e.row}</Table.Td>
              <Table.Td>{e.field ? csvFieldLabel(e.field, t) : ''}</Table.Td>
              <Table.Td>{e.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroller>
  );
}
