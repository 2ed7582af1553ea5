import type { TSearchResult } from '@dircab/contracts';
import { http, queryString } from './http';

export const searchKey = (q: string, limit: number) => ['search', q, limit] as const;

export function fetchSearch(q: string, limit: number): Promise<TSearchResult> {
  return http.get<TSearchResult>(`/api/v1/search${queryString({ q, limit })}`);
}
