import type { TTerritory } from '@dircab/contracts';
import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../ui/ErrorState';
import { useMe } from '../../ui/me-context';
import { notify } from '../../ui/notify';
import { TableScroller } from '../../ui/TableScroller';
import { usePageTitle } from '../../ui/use-page-title';
import { DirectoryTabs } from './DirectoryTabs';
import { allTerritories, directoryApi, TERRITORIES_KEY } from './directory-api';
import { canManageReference } from './directory-rules';
import { RecordActions } from './RecordActions';
import { ReferenceModal } from './ReferenceModal';

const blank = (s: string | undefined) => (s?.trim() ? s.trim() : null);

export function TerritoriesPage() {
  const { t } = useTranslation();
  usePageTitle(t('directory.territories.title'));
  const me = useMe();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: TERRITORIES_KEY, queryFn: allTerritories });
  const [editing, setEditing] = useState<TTerritory | 'new' | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: TERRITORIES_KEY });
  const fields = [
    { name: 'name', label: t('directory.territories.name'), required: true },
    { name: 'code', label: t('directory.territories.code') },
  ];

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{t('directory.territories.title')}</Title>
          <Text c="dimmed">{t('directory.territories.intro')}</Text>
        </div>
        {canManageReference(me.role) && (
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing('new')}>
            {t('directory.territories.new')}
          </Button>
        )}
      </Group>
      <DirectoryTabs />
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && <Text>{t('common.loading')}</Text>}
      {list.isSuccess && list.data.length === 0 && <Text>{t('directory.territories.empty')}</Text>}
      {list.isSuccess && list.data.length > 0 && (
        <TableScroller label={t('directory.territories.title')} minWidth={420}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('directory.territories.name')}</Table.Th>
                <Table.Th scope="col">{t('directory.territories.code')}</Table.Th>
                <Table.Th scope="col">{t('directory.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((x) => (
                <Table.Tr key={x.id}>
                  <Table.Td>{x.name}</Table.Td>
                  <Table.Td>{x.code ?? ''}</Table.Td>
                  <Table.Td>
                    <RecordActions
                      name={x.name}
                      policies={x.policies}
                      onEdit={() => setEditing(x)}
                      onDelete={() => directoryApi.deleteTerritory(x.id)}
                      onDeleted={refresh}
                      wrap="nowrap"
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroller>
      )}
      <ReferenceModal
        opened={editing !== null}
        title={editing === 'new' ? t('directory.territories.new') : t('directory.territories.edit')}
        fields={fields}
        initial={
          editing && editing !== 'new' ? { name: editing.name, code: editing.code ?? '' } : { name: '', code: '' }
        }
        onClose={() => setEditing(null)}
        onSubmit={async (v) => {
          const body = { name: v.name?.trim() ?? '', code: blank(v.code) };
          if (editing && editing !== 'new') await directoryApi.updateTerritory(editing.id, body);
          else await directoryApi.createTerritory(body);
          notify('green', t('directory.saved'));
          await refresh();
        }}
      />
    </Stack>
  );
}
