import type { TMember } from '@dircab/contracts';
import { Badge, Button, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TableScroller } from '../../ui/TableScroller';

interface Props {
  members: TMember[];
  /** All the organisation's members, when more than the rows loaded. */
  total: number;
  onOpen: (userId: string) => void;
}

export function MembersTable({ members, total, onOpen }: Props) {
  const { t } = useTranslation();
  return (
    <TableScroller label={t('admin.members.title')} minWidth={820}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Caption>
          {total > members.length
            ? t('admin.members.captionPartial', { count: members.length, total })
            : t('admin.members.caption', { count: members.length })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('admin.members.name')}</Table.Th>
            <Table.Th scope="col">{t('admin.members.email')}</Table.Th>
            <Table.Th scope="col">{t('admin.members.role')}</Table.Th>
            <Table.Th scope="col">{t('admin.members.jobTitle')}</Table.Th>
            <Table.Th scope="col">{t('admin.members.status')}</Table.Th>
            <Table.Th scope="col">{t('admin.members.twoFactor')}</Table.Th>
            <Table.Th scope="col">
              <span className="visually-hidden-text">{t('admin.members.actions')}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((m) => (
            <Table.Tr key={m.userId}>
              <Table.Th scope="row" fw={500}>
                {m.name}
              </Table.Th>
              <Table.Td>{m.email}</Table.Td>
              <Table.Td>{t(`roles.${m.role}`)}</Table.Td>
              <Table.Td>{m.jobTitle ?? '—'}</Table.Td>
              <Table.Td>
                <Badge color={m.active ? 'green.9' : 'gray.7'} variant="light">
                  {m.active ? t('admin.members.active') : t('admin.members.inactive')}
                </Badge>
              </Table.Td>
              <Table.Td>{m.twoFactorEnabled ? t('common.yes') : t('common.no')}</Table.Td>
              <Table.Td>
                <Button
                  variant="default"
                  size="compact-sm"
                  onClick={() => onOpen(m.userId)}
                  aria-label={t('admin.members.manageOf', { name: m.name })}
                >
                  {t('admin.members.manage')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroller>
  );
}
