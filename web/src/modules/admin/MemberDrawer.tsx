import type { TMember } from '@dircab/contracts';
import { Badge, Drawer, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { HistoryPanel } from '../../ui/HistoryPanel';
import { ActiveToggle } from './ActiveToggle';
import { MemberEditForm } from './MemberEditForm';

interface Props {
  member: TMember | null;
  onClose: () => void;
}

/** One member: change role or title, disable or enable, and the trace of it all. */
export function MemberDrawer({ member, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={member !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={member?.name ?? ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {member && (
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
      )}
    </Drawer>
  );
}
