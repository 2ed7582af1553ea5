import type { TNoteTemplate } from '@dircab/contracts';
import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../ui/ErrorState';
import { useMe } from '../../../ui/me-context';
import { notify } from '../../../ui/notify';
import { Panel } from '../../../ui/Panel';
import { usePageTitle } from '../../../ui/use-page-title';
import { NotesNav } from '../NotesNav';
import { canManageTemplates } from '../note-rules';
import { NOTE_TEMPLATES_KEY, notesApi } from '../notes-api';
import { DeleteTemplateModal } from './DeleteTemplateModal';
import { TemplateForm } from './TemplateForm';

/** The organisation's note templates: the starting text of each kind of note. */
export function TemplatesPage() {
  const { t } = useTranslation();
  usePageTitle(t('notes.templates.title'));
  const me = useMe();
  const queryClient = useQueryClient();
  const templates = useQuery({ queryKey: NOTE_TEMPLATES_KEY, queryFn: notesApi.templates });
  const [editing, setEditing] = useState<TNoteTemplate | 'new' | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: NOTE_TEMPLATES_KEY });
  const [deleting, setDeleting] = useState<TNoteTemplate | null>(null);
  const list = templates.data?.data ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('notes.templates.title')}</Title>
        {canManageTemplates(me.role) && editing === null && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            {t('notes.templates.create')}
          </Button>
        )}
      </Group>
      <NotesNav />
      {templates.isError && <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />}
      {templates.isSuccess && list.length === 0 && <Text c="dimmed">{t('notes.templates.empty')}</Text>}
      {list.length > 0 && (
        <Table verticalSpacing={6}>
          <Table.Caption>{t('notes.templates.caption', { count: list.length })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('notes.templates.name')}</Table.Th>
              <Table.Th scope="col">{t('notes.fields.kind')}</Table.Th>
              <Table.Th scope="col">{t('notes.templates.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((x) => (
              <Table.Tr key={x.id}>
                <Table.Td>{x.name}</Table.Td>
                <Table.Td>{x.kind ? t(`notes.kinds.${x.kind}`) : t('notes.templates.anyKind')}</Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    {x.policies.update && (
                      <Button size="xs" variant="default" onClick={() => setEditing(x)}>
                        {t('notes.templates.editOne', { name: x.name })}
                      </Button>
                    )}
                    {x.policies.delete && (
                      <Button size="xs" variant="default" onClick={() => setDeleting(x)}>
                        {t('notes.templates.deleteOne', { name: x.name })}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <DeleteTemplateModal
        template={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={async () => {
          notify('green', t('notes.templates.deleted'));
          if (editing !== null && editing !== 'new' && editing.id === deleting?.id) setEditing(null);
          await refresh();
        }}
      />
      {editing !== null && (
        <Panel title={t('notes.templates.formTitle')}>
          <TemplateForm
            key={editing === 'new' ? 'new' : editing.id}
            editing={editing}
            onDone={async (saved) => {
              setEditing(null);
              if (saved) {
                notify('green', t('notes.templates.saved'));
                await refresh();
              }
            }}
          />
        </Panel>
      )}
    </Stack>
  );
}
