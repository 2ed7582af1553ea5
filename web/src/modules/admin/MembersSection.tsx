import { Button, Group, Stack, Text } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBERS_KEY, membersApi } from '../../app/api/members-api';
import { ErrorState } from '../../ui/ErrorState';
import { CreateMemberModal } from './CreateMemberModal';
import { MemberDrawer } from './MemberDrawer';
import { MembersTable } from './MembersTable';

const LIMIT = 50;

export function MembersSection() {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const members = useInfiniteQuery({
    queryKey: [...MEMBERS_KEY, 'list', LIMIT],
    queryFn: ({ pageParam }) => membersApi.list(LIMIT, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const list = members.data?.pages.flatMap((p) => p.data) ?? [];
  // The drawer reads the member from the list, so it shows the latest state after a change.
  const selected = list.find((m) => m.userId === selectedId) ?? null;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text c="dimmed" size="sm">
          {t('admin.members.intro')}
        </Text>
        <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
          {t('admin.members.create')}
        </Button>
      </Group>
      {members.isError && <ErrorState error={members.error} onRetry={() => void members.refetch()} />}
      {members.isPending && <Text>{t('common.loading')}</Text>}
      {list.length > 0 && <MembersTable members={list} onOpen={setSelectedId} />}
      {members.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void members.fetchNextPage()}
          loading={members.isFetchingNextPage}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('common.loadMore')}
        </Button>
      )}
      <CreateMemberModal opened={creating} onClose={() => setCreating(false)} />
      <MemberDrawer member={selected} onClose={() => setSelectedId(null)} />
    </Stack>
  );
}
