import type { TCorrespondenceItemType } from '@dircab/contracts';
import { Alert, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../ui/ErrorState';
import { notify } from '../../../ui/notify';
import { problemMessage } from '../../../ui/problem-message';
import { TableScroller } from '../../../ui/TableScroller';
import { ItemTypeModal } from './ItemTypeModal';
import { itemTypesApi, TYPES_KEY } from './settings-api';

const p = 'correspondence.settings.types';

/** The organisation's item types: deadlines and implicit decisions they set on registration. */
export function ItemTypesPanel() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: TYPES_KEY, queryFn: itemTypesApi.list });
  const [editing, setEditing] = useState<TCorrespondenceItemType | 'new' | null>(null);
  const [deleting, setDeleting] = useState<TCorrespondenceItemType | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: TYPES_KEY });
  const remove = useMutation({
    mutationFn: (id: string) => itemTypesApi.remove(id),
    onSuccess: () => {
      setDeleting(null);
      notify('green', t(`${p}.deleted`));
      void refresh();
    },
  });

  if (list.isError) return <ErrorState error={list.error} onRetry={() => list.refetch()} />;
  const rows = list.data?.data ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Text c="dimmed">{t(`${p}.intro`)}</Text>
        {list.data?.policies?.create !== false && (
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing('new')}>
            {t(`${p}.create`)}
          </Button>
        )}
      </Group>
      <TableScroller label={t(`${p}.title`)} minWidth={720}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t(`${p}.code`)}</Table.Th>
              <Table.Th>{t(`${p}.label`)}</Table.Th>
              <Table.Th>{t(`${p}.acknowledgementDue`)}</Table.Th>
              <Table.Th>{t(`${p}.rule`)}</Table.Th>
              <Table.Th>{t(`${p}.workingDays`)}</Table.Th>
              <Table.Th>{t(`${p}.actions`)}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((type) => (
              <Table.Tr key={type.id}>
                <Table.Td>{type.code}</Table.Td>
                <Table.Td>{type.label}</Table.Td>
                <Table.Td>{t(type.acknowledgementDue ? 'common.yes' : 'common.no')}</Table.Td>
                <Table.Td>
                  {type.implicitDecisionRule
                    ? t(`${p}.ruleSummary`, {
                        rule: t(`${p}.rules.${type.implicitDecisionRule}`),
                        count: type.implicitDecisionMonths,
                      })
                    : t(`${p}.rules.none`)}
                </Table.Td>
                <Table.Td>{type.processingWorkingDays ?? '—'}</Table.Td>
                <Table.Td>
                  {/* Only the buttons the server's policies allow (a type in use still says why on delete). */}
                  <Group gap="xs">
                    {type.policies.update && (
                      <Button size="xs" variant="default" onClick={() => setEditing(type)}>
                        {t(`${p}.editOne`, { label: type.label })}
                      </Button>
                    )}
                    {type.policies.delete && (
                      <Button size="xs" variant="default" color="red" onClick={() => setDeleting(type)}>
                        {t(`${p}.deleteOne`, { label: type.label })}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroller>
      {list.isSuccess && rows.length === 0 && <Text>{t(`${p}.empty`)}</Text>}
      {editing && (
        <ItemTypeModal
          editing={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            notify('green', t(`${p}.saved`));
            void refresh();
          }}
        />
      )}
      {deleting && (
        <Modal
          opened
          onClose={() => {
            setDeleting(null);
            remove.reset();
          }}
          title={t(`${p}.confirmTitle`)}
        >
          <Stack>
            <Text>{t(`${p}.confirmText`, { label: deleting.label })}</Text>
            {remove.isError && <Alert color="red">{problemMessage(remove.error, t)}</Alert>}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDeleting(null)}>
                {t('common.cancel')}
              </Button>
              <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(deleting.id)}>
                {t(`${p}.confirmDelete`)}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Stack>
  );
}
