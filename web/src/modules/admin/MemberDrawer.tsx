import type { TMember } from '@dircab/contracts';
import { Alert, Badge, Button, Drawer, Group, Stack, Text } from '@mantine/core';
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api/http';
import { MEMBERS_KEY, type MembersPage, memberKey, membersApi } from '../../app/api/members-api';
import { BusyIndicator } from '../../ui/BusyIndicator';
import { ErrorState } from '../../ui/ErrorState';
import { HistoryPanel } from '../../ui/HistoryPanel';
import { ActiveToggle } from './ActiveToggle';
import { MemberEditForm } from './MemberEditForm';

interface Props {
  /** The member in the address (`/admin/members/:userId`), or null: the drawer is closed. */
  userId: string | null;
  onClose: () => void;
}

/** The member as the loaded list has it: shown at once while the server is asked. */
function fromList(queryClient: QueryClient, userId: string): TMember | undefined {
  for (const [, data] of queryClient.getQueriesData<{ pages: MembersPage[] }>({ queryKey: [...MEMBERS_KEY, 'list'] })) {
    const found = data?.pages.flatMap((p) => p.data).find((m) => m.userId === userId);
    if (found) return found;
  }
  return undefined;
}

/** Not in this organisation (404), or not a member's address at all (400). */
const isNotFound = (error: unknown) => error instanceof ApiError && (error.status === 404 || error.status === 400);

/** One member: change role or title, disable or enable, and the trace of it all. */
export function MemberDrawer({ userId, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: memberKey(userId ?? ''),
    queryFn: () => membersApi.get(userId ?? ''),
    enabled: userId !== null,
    placeholderData: () => (userId ? fromList(queryClient, userId) : undefined),
  });
  const member = userId ? query.data : undefined;
  const notFound = query.isError && isNotFound(query.error);
  const title = member ? member.name : notFound ? t('admin.member.notFoundTitle') : t('admin.member.title');

  return (
    <Drawer
      opened={userId !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={title}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {member ? (
        <Stack gap="lg">
          <Group gap="xs">
            <Text size="sm">{member.email}</Text>
            <Badge color={member.active ? 'green.9' : 'gray.7'} variant="light">
              {member.active ? t('admin.members.active') : t('admin.members.inactive')}
            </Badge>
          </Group>
          <MemberEditForm key={`${member.userId}:${member.role}:${member.jobTitle ?? ''}`} member={member} />
          <ActiveToggle member={member} />
          <HistoryPanel recordType="member" recordId={member.userId} />
        </Stack>
      ) : notFound ? (
        <Alert color="red" role="alert" title={t('admin.member.notFoundTitle')}>
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{t('admin.member.notFound')}</Text>
            <Button variant="default" size="xs" onClick={onClose}>
              {t('admin.member.backToList')}
            </Button>
          </Stack>
        </Alert>
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Group role="status" justify="center" py="xl">
          <BusyIndicator />
        </Group>
      )}
    </Drawer>
  );
}
