import type { TCreateSavedView, TSavedView } from '@dircab/contracts';
import { http } from '../../app/api/http';
import type { Page } from '../directory/directory-api';
import { CORRESPONDENCE_KEY } from './correspondence-api';
import { EMPTY_INBOX_FILTERS, type InboxFilters, type InboxQueue, toApiParams } from './inbox-filters';

export const VIEWS_KEY = [...CORRESPONDENCE_KEY, 'views'] as const;

/** The user's own saved views (the server keeps them per user). */
export const savedViewsApi = {
  list: () => http.get<Page<TSavedView>>('/api/v1/correspondence/views?limit=100'),
  create: (body: TCreateSavedView) => http.post<TSavedView>('/api/v1/correspondence/views', body),
  remove: (id: string) => http.delete(`/api/v1/correspondence/views/${encodeURIComponent(id)}`),
};

type ViewFilters = TCreateSavedView['filters'];

/** The inbox's filters as a view keeps them: the list's API parameters that are set. */
export function toViewFilters(filters: InboxFilters): ViewFilters {
  const set = Object.entries(toApiParams(filters)).filter(([, v]) => v !== undefined && v !== '');
  return Object.fromEntries(set) as ViewFilters;
}

/** A view's filters back in the inbox (« À imputer » comes back as the registered status). */
export function fromViewFilters(filters: ViewFilters): InboxFilters {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    ...EMPTY_INBOX_FILTERS,
    queue: (filters.queue ?? 'all') as InboxQueue,
    status: filters.status ?? '',
    channel: filters.channel ?? '',
    direction: filters.direction ?? '',
    typeId: text(filters.typeId),
    territoryId: text(filters.territoryId),
    serviceId: text(filters.serviceId),
    userId: text(filters.userId),
    topic: text(filters.topic),
    tag: text(filters.tag),
    from: text(filters.from),
    to: text(filters.to),
    q: text(filters.q),
  };
}

/** Whether a view holds exactly these filters (its name then shows as the current view). */
export function sameFilters(a: ViewFilters, b: ViewFilters): boolean {
  const canonical = (f: ViewFilters) => JSON.stringify(Object.entries(f).sort(([x], [y]) => x.localeCompare(y)));
  return canonical(a) === canonical(b);
}
