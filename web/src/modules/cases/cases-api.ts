import type {
  TCase,
  TCaseKind,
  TCaseLink,
  TCaseLinkKind,
  TCaseStatus,
  TCaseTimelineEntry,
  TCreateCase,
  TEscalateCase,
  TInterventionReport,
  TRiskLevel,
  TUpdateCase,
} from '@dircab/contracts';
import { http, queryString } from '../../app/api/http';

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** The list's filters as the screen holds them (empty string: no filter). */
export interface CaseFilters {
  kind: TCaseKind | '';
  status: TCaseStatus | '';
  ownerId: string;
  riskLevel: TRiskLevel | '';
  territoryId: string;
  topic: string;
}

export const EMPTY_CASE_FILTERS: CaseFilters = {
  kind: '',
  status: '',
  ownerId: '',
  riskLevel: '',
  territoryId: '',
  topic: '',
};

/** The list's address on the API: only the filters set, plus the page. */
export function casesUrl(filters: CaseFilters, limit: number, cursor: string | null): string {
  return `/api/v1/cases${queryString({ ...filters, topic: filters.topic.trim(), limit, cursor })}`;
}

export const CASES_KEY = ['cases'] as const;
export const casesKey = (filters: CaseFilters) => [...CASES_KEY, 'list', filters] as const;
export const caseKey = (id: string) => [...CASES_KEY, 'one', id] as const;
export const caseTimelineKey = (id: string) => [...CASES_KEY, 'timeline', id] as const;
export const caseLinksKey = (id: string) => [...CASES_KEY, 'links', id] as const;

const one = (id: string) => `/api/v1/cases/${encodeURIComponent(id)}`;

export const casesApi = {
  list: (filters: CaseFilters, limit: number, cursor: string | null) =>
    http.get<Page<TCase>>(casesUrl(filters, limit, cursor)),
  get: (id: string) => http.get<TCase>(one(id)),
  create: (body: TCreateCase) => http.post<TCase>('/api/v1/cases', body),
  update: (id: string, body: TUpdateCase) => http.patch<TCase>(one(id), body),
  close: (id: string, outcome: string) =>
    http.post<TCase>(`${one(id)}/close`, outcome.trim() ? { outcome: outcome.trim() } : {}),
  escalate: (id: string, body: TEscalateCase) => http.post<TCase>(`${one(id)}/escalate`, body),
  timeline: (id: string, cursor: string | null, limit = 20) =>
    http.get<Page<TCaseTimelineEntry>>(`${one(id)}/timeline${queryString({ limit, cursor })}`),
  links: (id: string, cursor: string | null, limit = 50) =>
    http.get<Page<TCaseLink>>(`${one(id)}/links${queryString({ limit, cursor })}`),
  link: (id: string, kind: TCaseLinkKind, recordId: string) =>
    http.post<TCaseLink>(`${one(id)}/links`, { kind, recordId }),
  unlink: (id: string, linkId: string) => http.delete(`${one(id)}/links/${encodeURIComponent(linkId)}`),
  interventionReport: (from: string, to: string, by: 'official' | 'institution') =>
    http.get<TInterventionReport>(`/api/v1/cases/interventions/report${queryString({ from, to, by })}`),
};

export const CASES_PATH = '/cases';
export const casePath = (id: string) => `${CASES_PATH}/${id}`;
export const INTERVENTIONS_REPORT_PATH = `${CASES_PATH}/interventions`;
