import {
  CORRESPONDENCE_CHANNELS,
  CORRESPONDENCE_DIRECTIONS,
  CORRESPONDENCE_QUEUES,
  CORRESPONDENCE_STATUSES,
  type TCorrespondenceChannel,
  type TCorrespondenceDirection,
  type TCorrespondenceQueue,
  type TCorrespondenceStatus,
} from '@dircab/contracts';

/** The inbox's queues: the server's, plus « Tous » and « À imputer » (registered, not yet routed). */
export const INBOX_QUEUES = ['all', 'to_route', ...CORRESPONDENCE_QUEUES] as const;
export type InboxQueue = (typeof INBOX_QUEUES)[number];

/** The inbox's filters as the URL holds them (empty string: no filter). */
export interface InboxFilters {
  queue: InboxQueue;
  status: TCorrespondenceStatus | '';
  channel: TCorrespondenceChannel | '';
  direction: TCorrespondenceDirection | '';
  typeId: string;
  territoryId: string;
  serviceId: string;
  userId: string;
  topic: string;
  tag: string;
  from: string;
  to: string;
  q: string;
}

export const EMPTY_INBOX_FILTERS: InboxFilters = {
  queue: 'all',
  status: '',
  channel: '',
  direction: '',
  typeId: '',
  territoryId: '',
  serviceId: '',
  userId: '',
  topic: '',
  tag: '',
  from: '',
  to: '',
  q: '',
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const oneOf = <T extends string>(list: readonly T[], value: string | null): T | '' =>
  value && (list as readonly string[]).includes(value) ? (value as T) : '';

/** The filters of a URL's query string; a value the API would refuse is dropped, not sent. */
export function filtersFromSearch(search: URLSearchParams): InboxFilters {
  const day = (key: string) => {
    const v = search.get(key) ?? '';
    return DAY.test(v) ? v : '';
  };
  return {
    queue: oneOf(INBOX_QUEUES, search.get('queue')) || 'all',
    status: oneOf(CORRESPONDENCE_STATUSES, search.get('status')),
    channel: oneOf(CORRESPONDENCE_CHANNELS, search.get('channel')),
    direction: oneOf(CORRESPONDENCE_DIRECTIONS, search.get('direction')),
    typeId: search.get('typeId') ?? '',
    territoryId: search.get('territoryId') ?? '',
    serviceId: search.get('serviceId') ?? '',
    userId: search.get('userId') ?? '',
    topic: search.get('topic') ?? '',
    tag: search.get('tag') ?? '',
    from: day('from'),
    to: day('to'),
    q: search.get('q') ?? '',
  };
}

/** The URL's query string of the filters: only those set, so a shared link stays short. */
export function filtersToSearch(filters: InboxFilters): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (key === 'queue' && value === 'all') continue;
    const v = String(value).trim();
    if (v) out.set(key, v);
  }
  return out;
}

/** The list's API parameters: « À imputer » is the registered status; the others are the server's queues. */
export function toApiParams(filters: InboxFilters): Record<string, string | undefined> {
  const queue: TCorrespondenceQueue | undefined =
    filters.queue === 'all' || filters.queue === 'to_route' ? undefined : filters.queue;
  const status = filters.status || (filters.queue === 'to_route' ? 'registered' : '');
  return {
    queue,
    status,
    channel: filters.channel,
    direction: filters.direction,
    typeId: filters.typeId,
    territoryId: filters.territoryId,
    serviceId: filters.serviceId,
    userId: filters.userId,
    topic: filters.topic.trim(),
    tag: filters.tag.trim(),
    from: filters.from,
    to: filters.to,
    q: filters.q.trim(),
  };
}

/** The filters besides the queue that are set (the « Effacer les filtres » button shows with them). */
export function hasFilters(filters: InboxFilters): boolean {
  return Object.entries(filters).some(([key, value]) => key !== 'queue' && String(value).trim() !== '');
}
