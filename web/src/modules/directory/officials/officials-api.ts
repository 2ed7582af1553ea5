import type {
  TCreateOfficial,
  TCreatePoliticalGroup,
  TOfficial,
  TPoliticalGroup,
  TUpdateOfficial,
  TUpdatePoliticalGroup,
} from '@dircab/contracts';
import { http, queryString } from '../../../app/api/http';
import type { Page } from '../directory-api';

export const OFFICIALS_PATH = '/directory/officials';
export const GROUPS_PATH = '/directory/groups';
export const officialPath = (id: string) => `${OFFICIALS_PATH}/${encodeURIComponent(id)}`;

export const OFFICIALS_KEY = ['officials'] as const;
export const officialKey = (id: string) => [...OFFICIALS_KEY, 'one', id] as const;
export const GROUPS_KEY = ['political-groups'] as const;

const one = (path: string, id: string) => `${path}/${encodeURIComponent(id)}`;

export const officialsApi = {
  /** The council in its order (maire, adjoints by rank…), page by page. */
  officials: (cursor: string | null, limit = 100) =>
    http.get<Page<TOfficial>>(`/api/v1/officials${queryString({ limit, cursor })}`),
  official: (id: string) => http.get<TOfficial>(one('/api/v1/officials', id)),
  createOfficial: (body: TCreateOfficial) => http.post<TOfficial>('/api/v1/officials', body),
  updateOfficial: (id: string, body: TUpdateOfficial) => http.patch<TOfficial>(one('/api/v1/officials', id), body),
  deleteOfficial: (id: string) => http.delete(one('/api/v1/officials', id)),

  groups: () => http.get<{ data: TPoliticalGroup[] }>('/api/v1/political-groups'),
  createGroup: (body: TCreatePoliticalGroup) => http.post<TPoliticalGroup>('/api/v1/political-groups', body),
  updateGroup: (id: string, body: TUpdatePoliticalGroup) =>
    http.patch<TPoliticalGroup>(one('/api/v1/political-groups', id), body),
  deleteGroup: (id: string) => http.delete(one('/api/v1/political-groups', id)),
};
