import type { TContact, TRelation } from '@dircab/contracts';
import { Anchor, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../ui/ErrorState';
import { LoadMoreButton } from '../../ui/LoadMoreButton';
import { notify } from '../../ui/notify';
import { Panel } from '../../ui/Panel';
import { contactLinksApi, relationsKey, relationWordingKey, timelineKey } from './contact-links-api';
import { DeleteButton } from './DeleteButton';
import { contactPath } from './directory-rules';
import { RelationFormModal } from './RelationFormModal';

/** The contact's relations, read from its side (« emploie Julie Dupont »), with add, edit, remove. */
export function RelationsPanel({ contact }: { contact: TContact }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<TRelation | 'new' | null>(null);
  const relations = useInfiniteQuery({
    queryKey: relationsKey(contact.id),
    queryFn: ({ pageParam }) => contactLinksApi.relations(contact.id, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const rows = relations.data?.pages.flatMap((p) => p.data) ?? [];
  const sentence = (r: TRelation) =>
    r.kind === 'other' && r.label ? r.label : t(relationWordingKey(r.kind, r.direction));

  return (
    <Panel title={t('relations.title')}>
      <Stack gap="sm">
        {relations.isError && <ErrorState error={relations.error} onRetry={() => void relations.refetch()} />}
        {relations.isSuccess && rows.length === 0 && <Text size="sm">{t('relations.empty')}</Text>}
        {rows.length > 0 && (
          <List listStyleType="none" spacing="xs" aria-label={t('relations.title')}>
            {rows.map((r) => (
              <List.Item key={r.id}>
                <Group gap="xs" justify="space-between" wrap="nowrap">
                  <Text size="sm">
                    {sentence(r)}{' '}
                    <Anchor component={Link} to={contactPath(r.other.id)}>
                      {r.other.displayName}
                    </Anchor>
                    {r.label && r.kind !== 'other' ? ` (${r.label})` : ''}
                    {r.startDate || r.endDate ? (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        · {t('relations.period', { start: r.startDate ?? '…', end: r.endDate ?? '…' })}
                      </Text>
                    ) : null}
                  </Text>
                  {r.policies.update && (
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={t('relations.editNamed', { name: r.other.displayName })}
                        onClick={() => setEditing(r)}
                      >
                        {t('directory.edit')}
                      </Button>
                      {r.policies.delete && (
                        <DeleteButton
                          name={`${sentence(r)} ${r.other.displayName}`}
                          onConfirm={async () => {
                            await contactLinksApi.deleteRelation(contact.id, r.id);
                            notify('green', t('relations.removed'));
                            await queryClient.invalidateQueries({ queryKey: relationsKey(contact.id) });
                            await queryClient.invalidateQueries({ queryKey: timelineKey(contact.id) });
                          }}
                        />
                      )}
                    </Group>
                  )}
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        <LoadMoreButton query={relations} size="xs" />
        {contact.policies.update && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setEditing('new')}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('relations.add')}
          </Button>
        )}
      </Stack>
      <RelationFormModal
        contact={contact}
        relation={editing && editing !== 'new' ? editing : undefined}
        opened={editing !== null}
        onClose={() => setEditing(null)}
      />
    </Panel>
  );
}
