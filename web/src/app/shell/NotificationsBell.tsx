import type { TNotification } from '@dircab/contracts';
import { ActionIcon, Anchor, Button, Group, Indicator, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BusyIndicator } from '../../ui/BusyIndicator';
import { formatDateTime } from '../../ui/format';
import { useMe } from '../../ui/me-context';
import { notify } from '../../ui/notify';
import { useLatestNotifications, useMarkRead, useUnreadCount } from './use-notifications';

/** The header's bell: the unread count in its name, the latest notifications in a popover. */
export function NotificationsBell() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const headingId = useId();
  const unread = useUnreadCount().data ?? 0;
  const label = unread === 0 ? t('notifications.bellNone') : t('notifications.bell', { count: unread });
  return (
    // The header never scrolls away: no need to hide the list when the bell is out of view.
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width={360}
      shadow="md"
      trapFocus
      hideDetached={false}
    >
      <Indicator label={unread > 99 ? '99+' : unread} size={16} disabled={unread === 0} color="red.9" offset={4}>
        <Popover.Target>
          <ActionIcon variant="default" size="lg" aria-label={label} onClick={() => setOpened((o) => !o)}>
            <IconBell size={18} aria-hidden />
          </ActionIcon>
        </Popover.Target>
      </Indicator>
      {/* Named by its heading rather than by the bell (Mantine's default), whose name is the count. */}
      <Popover.Dropdown aria-labelledby={headingId}>
        {opened && <NotificationsList headingId={headingId} unread={unread} onNavigate={() => setOpened(false)} />}
      </Popover.Dropdown>
    </Popover>
  );
}

function NotificationsList({
  headingId,
  unread,
  onNavigate,
}: {
  headingId: string;
  unread: number;
  onNavigate: () => void;
}) {
  const { t } = useTranslation();
  const list = useLatestNotifications(true);
  const markRead = useMarkRead();
  const mark = (id: string | null) =>
    markRead.mutate(id, { onError: () => notify('red', t('notifications.markFailed')) });
  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="nowrap">
        <Text fw={700} component="h2" size="md" id={headingId}>
          {t('notifications.title')}
        </Text>
        {unread > 0 && (
          <Button variant="subtle" size="compact-sm" onClick={() => mark(null)} loading={markRead.isPending}>
            {t('notifications.markAllRead')}
          </Button>
        )}
      </Group>
      {list.isPending ? (
        <BusyIndicator size="sm" label={t('notifications.loading')} />
      ) : list.isError ? (
        <Text size="sm" role="alert">
          {t('notifications.loadFailed')}
        </Text>
      ) : list.data.length === 0 ? (
        <Text size="sm">{t('notifications.empty')}</Text>
      ) : (
        <ScrollArea.Autosize mah={420} type="auto">
          <Stack gap={0} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {list.data.map((n) => (
              <NotificationItem
                key={n.id}
                notification={n}
                onOpen={() => {
                  if (!n.readAt) mark(n.id);
                  onNavigate();
                }}
                onMarkRead={() => mark(n.id)}
              />
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}

function NotificationItem({
  notification: n,
  onOpen,
  onMarkRead,
}: {
  notification: TNotification;
  onOpen: () => void;
  onMarkRead: () => void;
}) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const unread = n.readAt === null;
  return (
    <Stack
      component="li"
      gap={2}
      py="xs"
      style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      aria-label={unread ? `${t('notifications.unread')} : ${n.title}` : undefined}
    >
      {n.link ? (
        <Anchor component={Link} to={n.link} onClick={onOpen} size="sm" fw={unread ? 700 : 400}>
          {n.title}
        </Anchor>
      ) : (
        <Text size="sm" fw={unread ? 700 : 400}>
          {n.title}
        </Text>
      )}
      {n.body && (
        <Text size="xs" style={{ whiteSpace: 'pre-line' }} lineClamp={4}>
          {n.body}
        </Text>
      )}
      <Group justify="space-between" wrap="nowrap">
        <Text size="xs" c="gray.7">
          {formatDateTime(n.createdAt, me.organisation.timeZone, i18n.language)}
        </Text>
        {n.policies.markRead && (
          <Button variant="subtle" size="compact-xs" onClick={onMarkRead}>
            {t('notifications.markRead')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
