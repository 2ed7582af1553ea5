import type { TService } from '@dircab/contracts';
import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorState } from '../../ui/ErrorState';
import { LoadMoreButton } from '../../ui/LoadMoreButton';
import { useMe } from '../../ui/me-context';
import { notify } from '../../ui/notify';
import { usePageTitle } from '../../ui/use-page-title';
import { DirectoryTabs } from './DirectoryTabs';
import { directoryApi, SERVICES_KEY } from './directory-api';
import { canManageReference, formatPhone } from './directory-rules';
import { RecordActions } from './RecordActions';
import { ReferenceModal } from './ReferenceModal';

const blank = (s: string | undefined) => (s?.trim() ? s.trim() : null);

/** The services, as cards; /directory/services/:id (a search hit) marks and focuses that one. */
export function ServicesPage() {
  const { t } = useTranslation();
  usePageTitle(t('directory.services.title'));
  const me = useMe();
  const { id } = useParams();
  const queryClient = useQueryClient();
  const list = useInfiniteQuery({
    queryKey: SERVICES_KEY,
    queryFn: ({ pageParam }) => directoryApi.services(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const services = list.data?.pages.flatMap((p) => p.data) ?? [];
  const [editing, setEditing] = useState<TService | 'new' | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: SERVICES_KEY });
  const found = services.some((s) => s.id === id);

  useEffect(() => {
    if (!id || !found) return;
    const card = document.getElementById(`service-${id}`);
    card?.scrollIntoView?.({ block: 'center' });
    card?.focus();
  }, [id, found]);

  const fields = [
    { name: 'name', label: t('directory.services.name'), required: true },
    { name: 'headName', label: t('directory.services.head') },
    { name: 'email', label: t('directory.services.email'), type: 'email' as const },
    { name: 'phone', label: t('directory.services.phone'), type: 'tel' as const },
    { name: 'address', label: t('directory.services.address'), multiline: true },
    {
      name: 'topics',
      label: t('directory.services.topics'),
      description: t('directory.services.topicsHelp'),
      multiline: true,
    },
  ];
  const initial =
    editing && editing !== 'new'
      ? {
          name: editing.name,
          headName: editing.headName ?? '',
          email: editing.email ?? '',
          phone: editing.phone ?? '',
          address: editing.address ?? '',
          topics: editing.topics.join('\n'),
        }
      : { name: '', headName: '', email: '', phone: '', address: '', topics: '' };

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{t('directory.services.title')}</Title>
          <Text c="dimmed">{t('directory.services.intro')}</Text>
        </div>
        {canManageReference(me.role) && (
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing('new')}>
            {t('directory.services.new')}
          </Button>
        )}
      </Group>
      <DirectoryTabs />
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && <Text>{t('common.loading')}</Text>}
      {list.isSuccess && services.length === 0 && <Text>{t('directory.services.empty')}</Text>}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {services.map((s) => (
          <Paper
            key={s.id}
            id={`service-${s.id}`}
            component="section"
            aria-labelledby={`service-title-${s.id}`}
            tabIndex={s.id === id ? -1 : undefined}
            withBorder
            p="md"
            radius="md"
            style={s.id === id ? { borderColor: 'var(--mantine-color-blue-8)', borderWidth: 2 } : undefined}
          >
            <Title order={2} size="h4" id={`service-title-${s.id}`} mb="xs">
              {s.name}
            </Title>
            <Stack gap={4}>
              {s.headName && (
                <Text size="sm">
                  {t('directory.services.head')} : {s.headName}
                </Text>
              )}
              {s.email && (
                <Text size="sm">
                  <Anchor href={`mailto:${s.email}`}>{s.email}</Anchor>
                </Text>
              )}
              {s.phone && (
                <Text size="sm">
                  <Anchor href={`tel:${s.phone}`}>{formatPhone(s.phone)}</Anchor>
                </Text>
              )}
              {s.address && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {s.address}
                </Text>
              )}
              {s.topics.length > 0 && (
                <Group gap={4} mt={4} aria-label={t('directory.services.topics')} role="list">
                  {s.topics.map((topic) => (
                    <Badge key={topic} variant="outline" color="gray.8" role="listitem" tt="none">
                      {topic}
                    </Badge>
                  ))}
                </Group>
              )}
            </Stack>
            {(s.policies.update || s.policies.delete) && (
              <RecordActions
                name={s.name}
                policies={s.policies}
                onEdit={() => setEditing(s)}
                onDelete={() => directoryApi.deleteService(s.id)}
                onDeleted={refresh}
                mt="sm"
              />
            )}
          </Paper>
        ))}
      </SimpleGrid>
      <LoadMoreButton query={list} />
      <ReferenceModal
        opened={editing !== null}
        title={editing === 'new' ? t('directory.services.new') : t('directory.services.edit')}
        fields={fields}
        initial={initial}
        onClose={() => setEditing(null)}
        onSubmit={async (v) => {
          const body = {
            name: v.name?.trim() ?? '',
            headName: blank(v.headName),
            email: blank(v.email),
            phone: blank(v.phone),
            address: blank(v.address),
            topics: (v.topics ?? '')
              .split(/[\n,;]/)
              .map((x) => x.trim())
              .filter(Boolean),
          };
          if (editing && editing !== 'new') await directoryApi.updateService(editing.id, body);
          else await directoryApi.createService(body);
          notify('green', t('directory.saved'));
          await refresh();
        }}
      />
    </Stack>
  );
}
