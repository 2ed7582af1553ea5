import type { TCorrespondenceSummary } from '@dircab/contracts';
import { Anchor, Badge, Checkbox, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format';
import { TableScroller } from '../../ui/TableScroller';
import { formatDay, isOverdue, itemPath, statusColor } from './correspondence-rules';
import { TagBadges } from './tags/TagBadges';

interface Props {
  items: TCorrespondenceSummary[];
  /** The row the keyboard is on (j/k), highlighted. */
  activeIndex: number;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: (all: boolean) => void;
  timeZone: string;
  today: string;
  /** Service names by id (the lead service column). */
  serviceName: Map<string, string>;
}

/** The dense inbox table: one line per item, the number opens it. */
export function InboxTable(props: Props) {
  const { items, activeIndex, selected, onToggle, onToggleAll, timeZone, today, serviceName } = props;
  const { t, i18n } = useTranslation();
  const allSelected = items.length > 0 && items.every((x) => selected.has(x.id));
  return (
    <TableScroller label={t('correspondence.inbox.tableLabel')} minWidth={1080}>
      <Table highlightOnHover verticalSpacing={6}>
        <Table.Caption>{t('correspondence.inbox.caption', { count: items.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={36}>
              <Checkbox
                aria-label={t('correspondence.inbox.selectAll')}
                checked={allSelected}
                indeterminate={!allSelected && items.some((x) => selected.has(x.id))}
                onChange={(e) => onToggleAll(e.currentTarget.checked)}
              />
            </Table.Th>
            <Table.Th scope="col">{t('correspondence.fields.number')}</Table.Th>
            <Table.Th scope="col">{t('correspondence.fields.receivedAt')}</Table.Th>
            <Table.Th scope="col">{t('correspondence.fields.sender')}</Table.Th>
            <Table.Th scope="col">{t('correspondence.fields.subject')}</Table.Th>
            <Table.Th scope="col">{t('correspondence.fields.channel')}</Table.Th>
            <Table.Th scope="col">{t('correspondence.fields.status')}</Table.Th>
            <Table.Th scope="col">{t('correspondence.fields.dueDate')}</Table.Th>
            <Table.Th scope="col">{t('correspondence.fields.service')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item, index) => {
            const late = isOverdue(item, today);
            return (
              <Table.Tr
                key={item.id}
                data-row-index={index}
                // A light grey keeps the links above 4.5:1 (axe); the outline marks the row.
                bg={index === activeIndex ? 'var(--mantine-color-gray-0)' : undefined}
                style={index === activeIndex ? { outline: '2px solid var(--mantine-color-blue-9)' } : undefined}
              >
                <Table.Td>
                  <Checkbox
                    aria-label={t('correspondence.inbox.select', { number: item.registrationNumber })}
                    checked={selected.has(item.id)}
                    onChange={() => onToggle(item.id)}
                  />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Anchor component={Link} to={itemPath(item.id)} fw={500}>
                    {item.registrationNumber}
                  </Anchor>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(item.receivedAt, timeZone, i18n.language)}
                </Table.Td>
                <Table.Td>{item.sender.name}</Table.Td>
                <Table.Td>
                  {item.subject}
                  {item.confidentiality !== 'normal' && (
                    <Badge ml="xs" size="sm" color="red.9" variant="filled">
                      {t(`directory.levels.${item.confidentiality}`)}
                    </Badge>
                  )}
                  <TagBadges tags={item.tags} />
                  {item.excerpt && (
                    // The opening of the letter, as a mail reader previews it (gray.7: readable contrast).
                    <Text size="xs" c="gray.7" lineClamp={1} maw={480}>
                      {item.excerpt}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{t(`correspondence.channels.${item.channel}`)}</Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="filled" color={statusColor(item.status)}>
                    {t(`correspondence.statuses.${item.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {item.dueDate && (
                    <Text size="sm" c={late ? 'red.9' : undefined} fw={late ? 700 : undefined}>
                      {formatDay(item.dueDate, i18n.language)}
                      {late && ` · ${t('correspondence.overdue')}`}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{item.leadServiceId ? (serviceName.get(item.leadServiceId) ?? '') : ''}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableScroller>
  );
}
