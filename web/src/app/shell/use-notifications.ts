import type { TNotification, TNotificationPage, TUnreadCount } from '@dircab/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '../api/http';

/** The bell polls; live updates (server-sent events) come later. */
export const NOTIFICATIONS_POLL_MS = 60_000;
/** The popover shows the latest ones; older ones are of little use in a bell. */
export const NOTIFICATIONS_SHOWN = 20;

export const NOTIFICATIONS_KEY = ['notifications'] as const;
const UNREAD_KEY = [...NOTIFICATIONS_KEY, 'unread-count'] as const;
const LIST_KEY = [...NOTIFICATIONS_KEY, 'list'] as const;

/** How many of my notifications are unread, refreshed every minute. */
export function useUnreadCount() {
  return useQuery({
    queryKey: UNREAD_KEY,
    queryFn: () => http.get<TUnreadCount>('/api/v1/notifications/unread-count').then((r) => r.unread),
    refetchInterval: NOTIFICATIONS_POLL_MS,
  });
}

/** My latest notifications, read while the popover is open. */
export function useLatestNotifications(enabled: boolean) {
  return useQuery({
    queryKey: LIST_KEY,
    queryFn: () =>
      http.get<TNotificationPage>(`/api/v1/notifications?limit=${NOTIFICATIONS_SHOWN}`).then((r) => r.data),
    enabled,
    refetchInterval: enabled ? NOTIFICATIONS_POLL_MS : false,
  });
}

/** Marks one notification read, or all of them (`id` null). */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: string | null): Promise<void> => {
      if (id === null) await http.post<{ marked: number }>('/api/v1/notifications/read-all');
      else await http.post<TNotification>(`/api/v1/notifications/${id}/read`);
    },
    onSettled: () => client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}
