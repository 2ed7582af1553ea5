import type { TAuditEntry } from '@dircab/contracts';
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AuditSummary } from '../../ui/AuditSummary';
import { formatDateTime } from '../../ui/format';
import { useMe } from '../../ui/me-context';
import { TableScroller } from '../../ui/TableScroller';

interface Props {
  entries: TAuditEntry[];
}

export function AuditTable({ entries }: Props) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  return (
    <TableScroller label={t('modules.audit.label')} minWidth={760}>
      <Table striped verticalSpacing="xs">
        <Table.Caption>{t('audit.caption', { zone: me.organisation.timeZone })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('audit.at')}</Table.Th>
            <Table.Th scope="col">{t('audit.actor')}</Table.Th>
            <Table.Th scope="col">{t('audit.action')}</Table.Th>
            <Table.Th scope="col">{t('audit.record')}</Table.Th>
            <Table.Th scope="col">{t('audit.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(entry.at, me.organisation.timeZone, i18n.language)}
              </Table.Td>
              <Table.Td>{entry.actorName ?? t('audit.system')}</Table.Td>
              <Table.Td>{t(`audit.actions.${entry.action}`, { defaultValue: entry.action })}</Table.Td>
              <Table.Td>
                <Text size="sm">{entry.recordType}</Text>
                {entry.recordId && (
                  <Text size="xs" c="dimmed" ff="monospace">
                    {entry.recordId}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <AuditSummary summary={entry.summary} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroller>
  );
}
