import type { TCalendarFeed, TCalendarFeedList } from '@dircab/contracts';
import { http } from '../../../app/api/http';

export const FEEDS_PATH = '/agenda/feeds';
export const FEEDS_KEY = ['agenda-feeds'] as const;

const BASE = '/api/v1/calendars';

export const feedsApi = {
  /** The agendas one may subscribe to, with the subscriptions created (never their address). */
  list: () => http.get<TCalendarFeedList>(BASE),
  /** Creates (or replaces) the secret address of an agenda: the answer is the only time it shows. */
  create: (officialId: string | null) => http.post<TCalendarFeed>(BASE, { officialId }),
  rotate: (id: string) => http.post<TCalendarFeed>(`${BASE}/${encodeURIComponent(id)}/rotate`, {}),
  revoke: (id: string) => http.delete(`${BASE}/${encodeURIComponent(id)}`),
};

/** The same address for calendar applications that subscribe by the webcal scheme (Apple, Outlook). */
export function webcalUrl(url: string): string {
  return url.replace(/^https?:\/\//, 'webcal://');
}
