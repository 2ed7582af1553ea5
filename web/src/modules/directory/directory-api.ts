import type {
  TContact,
  TContactKind,
  TCreateContact,
  TCreateService,
  TCreateTerritory,
  TService,
  TTerritory,
  TUpdateContact,
  TUpdateService,
  TUpdateTerritory,
} from '@dircab/contracts';
import { http, queryString } from '../../app/api/http';

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** The list's filters as the screen holds them (empty string: no filter). */
export interface ContactFilters {
  q: string;
  kind: TContactKind | '';
  tag: string;
  territoryId: string;
}

export const EMPTY_CONTACT_FILTERS: ContactFilters = { q: '', kind: '', tag: '', territoryId: '' };

/** The list's address on the API: only the filters set, trimmed, plus the page. */
export function contactsUrl(filters: ContactFilters, limit: number, cursor: string | null): string {
  return `/api/v1/contacts${queryString({
    q: filters.q.trim(),
    kind: filters.kind,
    tag: filters.tag.trim(),
    territoryId: filters.territoryId,
    limit,
    cursor,
  })}`;
}

export const CONTACTS_KEY = ['contacts'] as const;
export const contactsKey = (filters: ContactFilters) => [...CONTACTS_KEY, 'list', filters] as const;
export const contactKey = (id: string) => [...CONTACTS_KEY, 'one', id] as const;
export const TERRITORIES_KEY = ['territories'] as const;
export const SERVICES_KEY = ['services'] as const;

const one = (path: string, id: string) => `${path}/${encodeURIComponent(id)}`;

export const directoryApi = {
  contacts: (filters: ContactFilters, limit: number, cursor: string | null) =>
    http.get<Page<TContact>>(contactsUrl(filters, limit, cursor)),
  contact: (id: string) => http.get<TContact>(one('/api/v1/contacts', id)),
  createContact: (body: TCreateContact) => http.post<TContact>('/api/v1/contacts', body),
  updateContact: (id: string, body: TUpdateContact) => http.patch<TContact>(one('/api/v1/contacts', id), body),
  deleteContact: (id: string) => http.delete(one('/api/v1/contacts', id)),

  territories: (cursor: string | null, limit = 100) =>
    http.get<Page<TTerritory>>(`/api/v1/territories${queryString({ limit, cursor })}`),
  createTerritory: (body: TCreateTerritory) => http.post<TTerritory>('/api/v1/territories', body),
  updateTerritory: (id: string, body: TUpdateTerritory) => http.patch<TTerritory>(one('/api/v1/territories', id), body),
  deleteTerritory: (id: string) => http.delete(one('/api/v1/territories', id)),

  services: (cursor: string | null, limit = 100) =>
    http.get<Page<TService>>(`/api/v1/services${queryString({ limit, cursor })}`),
  createService: (body: TCreateService) => http.post<TService>('/api/v1/services', body),
  updateService: (id: string, body: TUpdateService) => http.patch<TService>(one('/api/v1/services', id), body),
  deleteService: (id: string) => http.delete(one('/api/v1/services', id)),
};

/** Every territory, page after page: the reference list is short (a commune's neighbourhoods). */
export async function allTerritories(): Promise<TTerritory[]> {
  const all: TTerritory[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 20; i++) {
    const page: Page<TTerritory> = await directoryApi.territories(cursor);
    all.push(...page.data);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return all;
}
