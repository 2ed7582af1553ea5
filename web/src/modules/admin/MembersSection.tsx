import { Button, Group, Stack, Text } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBERS_KEY, membersApi } from '../../app/api/members-api';
import { ErrorState } from '../../ui/ErrorState';
import { LoadMoreButton } from '../../ui/LoadMoreButton';
import { CreateMemberModal } from './CreateMemberModal';
import { MembersTable } from './MembersTable';

const LIMIT = 50;

interface Props {
  /** Opens a member's drawer (its own address: the drawer lives in AdminPage). */
  onOpen: (userId: string) => void;
}

export function MembersSection({ onOpen }: Props) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const members = useInfiniteQuery({
    queryKey: [...MEMBERS_KEY, 'list', LIMIT],
    queryFn: ({ pageParam }) => membersApi.list(LIMIT, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const list = members.data?.pages.flatMap((p) => p.data) ?? [];
  // The organisation's count, as of the latest page (a member may have been added since the first).
  const total = members.data?.pages.at(-1)?.total;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Stack gap={4}>
          <Text c="dimmed" size="sm">
            {t('admin.members.intro')}
          </Text>
          {total !== undefined && (
            <Text size="sm" fw={500} data-testid="members-total">
              {t('admin.members.total', { count: total })}
            </Text>
          )}
        </Stack>
        <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
          {t('admin.members.create')}
        </Button>
      </Group>
      {members.isError && <ErrorState error={members.error} onRetry={() => void members.refetch()} />}
      {members.isPending && <Text>{t('common.loading')}</Text>}
      {list.length > 0 && <MembersTable members={list} total={total ?? list.length} onOpen={onOpen} />}
      <LoadMoreButton query={members} />
      <CreateMemberModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
