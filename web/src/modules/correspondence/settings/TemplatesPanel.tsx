import { Alert, Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../ui/me-context';
import { notify } from '../../../ui/notify';
import { problemMessage } from '../../../ui/problem-message';
import { TableScroller } from '../../../ui/TableScroller';
import { SectionError } from './SectionError';
import { ACK_TEMPLATES_KEY, ackTemplatesApi, replyTemplatesApi, TEMPLATES_KEY } from './settings-api';
import type { EditableTemplate } from './TemplateModal';

// The rich-text editor loads with the modal: the inbox and the other settings never carry it.
const TemplateModal = lazy(() => import('./TemplateModal').then((m) => ({ default: m.TemplateModal })));

interface Row extends EditableTemplate {
  updatedAt: string;
  policies: Record<string, boolean>;
}

const p = 'correspondenceSettings.templates';

/**
 * Reply templates (the drafts start from them) or acknowledgement templates (the letter sent on
 * registration; one is the default, which may not be deleted until another takes its place).
 */
export function TemplatesPanel({ kind }: { kind: 'reply' | 'ack' }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const key = kind === 'reply' ? TEMPLATES_KEY : ACK_TEMPLATES_KEY;
  const list = useQuery<{ data: Row[] }>({
    queryKey: key,
    queryFn: kind === 'reply' ? replyTemplatesApi.list : ackTemplatesApi.list,
  });
  const [editing, setEditing] = useState<Row | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Row | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  const remove = useMutation({
    mutationFn: (id: string) => (kind === 'reply' ? replyTemplatesApi.remove(id) : ackTemplatesApi.remove(id)),
    onSuccess: () => {
      setDeleting(null);
      notify('green', t(`${p}.deleted`));
      void refresh();
    },
  });

  if (list.isError) return <SectionError error={list.error} onRetry={() => void list.refetch()} />;
  const rows = list.data?.data ?? [];
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: me.organisation.timeZone });
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Text c="dimmed" maw={720}>
          {t(`${p}.intro.${kind}`)}
        </Text>
        <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing('new')}>
          {t(`${p}.create`)}
        </Button>
      </Group>
      <TableScroller label={t(`${p}.title.${kind}`)} minWidth={640}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t(`${p}.name`)}</Table.Th>
              <Table.Th>{t(`${p}.subject`)}</Table.Th>
              <Table.Th>{t(`${p}.updatedAt`)}</Table.Th>
              <Table.Th>{t(`${p}.actions`)}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Td>
                  <Group gap="xs">
                    {row.name}
                    {row.isDefault && (
                      <Badge variant="outline" color="gray.8">
                        {t(`${p}.default`)}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{row.subject}</Table.Td>
                <Table.Td>{date.format(new Date(row.updatedAt))}</Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    {row.policies.update !== false && (
                      <Button size="xs" variant="default" onClick={() => setEditing(row)}>
                        {t(`${p}.editOne`, { name: row.name })}
                      </Button>
                    )}
                    {/* The server refuses the default acknowledgement template: no button offers it. */}
                    {row.policies.delete && !(kind === 'ack' && row.isDefault) && (
                      <Button size="xs" variant="default" onClick={() => setDeleting(row)}>
                        {t(`${p}.deleteOne`, { name: row.name })}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroller>
      {list.isPending && <Text>{t('common.loading')}</Text>}
      {list.isSuccess && rows.length === 0 && <Text>{t(`${p}.empty`)}</Text>}
      {editing && (
        <Suspense fallback={<Text role="status">{t('common.loading')}</Text>}>
          <TemplateModal
            kind={kind}
            editing={editing}
            onClose={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              notify('green', t(`${p}.saved`));
              void refresh();
            }}
          />
        </Suspense>
      )}
      {deleting && (
        <Modal
          opened
          onClose={() => {
            setDeleting(null);
            remove.reset();
          }}
          title={t(`${p}.confirmTitle`)}
          closeButtonProps={{ 'aria-label': t('common.close') }}
        >
          <Stack>
            <Text>{t(kind === 'reply' ? `${p}.confirmText` : `${p}.confirmTextAck`, { name: deleting.name })}</Text>
            {remove.isError && (
              <Alert color="red" role="alert">
                {problemMessage(remove.error, t)}
              </Alert>
            )}
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
