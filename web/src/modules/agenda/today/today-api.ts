import type { TEvent } from '@dircab/contracts';
import { http, queryString } from '../../../app/api/http';
import type { Page } from '../../directory/directory-api';

export const TODAY_PATH = '/agenda/today';
export const todayEventsKey = (officialId: string, from: string, to: string) =>
  ['agenda-today', officialId, from, to] as const;

/** An official's events of a few days (occurrences expanded), in start order. */
export const todayApi = {
  events: (officialId: string, from: string, to: string) =>
    http.get<Page<TEvent>>(`/api/v1/events${queryString({ from, to, officialIds: officialId, limit: 100 })}`),
};
