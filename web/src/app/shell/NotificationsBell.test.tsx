import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMe, fetchRouting, renderApp } from '../../test/render';
import { NotificationsBell } from './NotificationsBell';

const notice = (id: string, title: string, readAt: string | null) => ({
  id,
  kind: 'correspondence.overdue',
  title,
  body: 'Échéance dépassée (05/10/2026) — Trottoir effondré à Yahoué',
  link: '/correspondence/items/0190a000-0000-7000-8000-0000000000aa',
  recordKind: 'correspondence',
  recordId: '0190a000-0000-7000-8000-0000000000aa',
  createdAt: '2026-10-07T20:00:00.000Z',
  readAt,
  policies: { read: true, markRead: readAt === null },
});

const A = '0190a000-0000-7000-8000-0000000000a1';
const B = '0190a000-0000-7000-8000-0000000000a2';

function serve(unread: { n: number }) {
  return fetchRouting((method, url) => {
    if (url === '/api/v1/notifications/unread-count') return [200, { unread: unread.n }];
    if (url.startsWith('/api/v1/notifications?'))
      return [
        200,
        {
          data: [
            notice(A, 'Courrier en retard : 2026-A-000012', null),
            notice(B, 'Courrier lu', '2026-10-08T00:00:00Z'),
          ],
          nextCursor: null,
        },
      ];
    if (method === 'POST' && url === `/api/v1/notifications/${A}/read`) {
      unread.n = 0;
      return [200, notice(A, 'Courrier en retard : 2026-A-000012', '2026-10-08T01:00:00Z')];
    }
    if (method === 'POST' && url === '/api/v1/notifications/read-all') {
      unread.n = 0;
      return [200, { marked: 1 }];
    }
    return undefined;
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('NotificationsBell', () => {
  it('names the unread count, lists the latest in a popover, and marks one read', async () => {
    const unread = { n: 3 };
    const api = serve(unread);
    vi.stubGlobal('fetch', api.fn);
    renderApp(<NotificationsBell />, { me: fakeMe('services', ['home', 'correspondence']) });

    const bell = await screen.findByRole('button', { name: 'Notifications, 3 non lues' });
    fireEvent.click(bell);
    const dialog = await screen.findByRole('dialog', { name: 'Notifications' });
    expect(await within(dialog).findByRole('link', { name: 'Courrier en retard : 2026-A-000012' })).toBeDefined();
    expect(within(dialog).getByText('Courrier lu')).toBeDefined();
    // Times in the organisation's zone: 20:00 UTC is 07:00 the next day in Nouméa.
    expect(within(dialog).getAllByText('08/10/2026 07:00')).toHaveLength(2);

    // Only the unread one offers « Marquer comme lue ».
    const buttons = within(dialog).getAllByRole('button', { name: 'Marquer comme lue' });
    expect(buttons).toHaveLength(1);
    fireEvent.click(buttons[0] as HTMLElement);
    await waitFor(() =>
      expect(api.calls.some((c) => c.method === 'POST' && c.url === `/api/v1/notifications/${A}/read`)).toBe(true),
    );
    expect(await screen.findByRole('button', { name: 'Notifications, aucune non lue' })).toBeDefined();
  });

  it('marks all read at once', async () => {
    const api = serve({ n: 1 });
    vi.stubGlobal('fetch', api.fn);
    renderApp(<NotificationsBell />, { me: fakeMe('advisor', ['home']) });
    fireEvent.click(await screen.findByRole('button', { name: 'Notifications, 1 non lue' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Tout marquer comme lu' }));
    await waitFor(() => expect(api.calls.some((c) => c.url === '/api/v1/notifications/read-all')).toBe(true));
    expect(await screen.findByRole('button', { name: 'Notifications, aucune non lue' })).toBeDefined();
  });
});
