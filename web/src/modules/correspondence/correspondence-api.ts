import type {
  TAcknowledgement,
  TBulkTags,
  TBulkTagsResult,
  TCloseCorrespondence,
  TCorrespondence,
  TCorrespondenceDetail,
  TCorrespondenceItemType,
  TCorrespondenceSummary,
  TCreateCorrespondence,
  TDecide,
  TForwardCorrespondence,
  TMemberOption,
  TQueueCounts,
  TReplyTemplate,
  TRouteCorrespondence,
  TSaveReply,
  TSendAcknowledgement,
  TSendReply,
  TSignBatch,
  TSubmitReview,
  TTagSuggestions,
  TUpdateCorrespondence,
} from '@dircab/contracts';
import { http, queryString } from '../../app/api/http';
import type { Page } from '../directory/directory-api';
import { type InboxFilters, toApiParams } from './inbox-filters';

export const CORRESPONDENCE_KEY = ['correspondence'] as const;
export const inboxKey = (filters: InboxFilters) => [...CORRESPONDENCE_KEY, 'list', filters] as const;
export const itemKey = (id: string) => [...CORRESPONDENCE_KEY, 'one', id] as const;
export const QUEUES_KEY = [...CORRESPONDENCE_KEY, 'queues'] as const;
export const TYPES_KEY = [...CORRESPONDENCE_KEY, 'types'] as const;
export const TEMPLATES_KEY = [...CORRESPONDENCE_KEY, 'templates'] as const;
export const tagSuggestionsKey = (q: string) => [...CORRESPONDENCE_KEY, 'tag-suggestions', q] as const;
export const SIGNATURE_BOOK_KEY = [...CORRESPONDENCE_KEY, 'signature-book'] as const;
// Outside CORRESPONDENCE_KEY: who may give a visa does not change when an item does.
export const REVIEWERS_KEY = ['correspondence-reviewers'] as const;

const BASE = '/api/v1/correspondence';
const one = (id: string, action = '') => `${BASE}/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;

/** The list's address on the API: the filters set, plus the page. */
export function inboxUrl(filters: InboxFilters, limit: number, cursor: string | null): string {
  return `${BASE}${queryString({ ...toApiParams(filters), limit, cursor })}`;
}

/** Where the browser downloads a reply letter (the server sets its file name). */
export const letterUrl = (id: string, format: 'pdf' | 'docx' | 'odt') => `${one(id, 'reply/letter')}?format=${format}`;
/** Where the browser downloads an acknowledgement of receipt. */
export const acknowledgementUrl = (id: string, format: 'pdf' | 'docx' | 'odt') =>
  `${one(id, 'acknowledgement')}?format=${format}`;

export const correspondenceApi = {
  list: (filters: InboxFilters, limit: number, cursor: string | null) =>
    http.get<Page<TCorrespondenceSummary>>(inboxUrl(filters, limit, cursor)),
  queues: () => http.get<TQueueCounts>(`${BASE}/queues`),
  item: (id: string) => http.get<TCorrespondenceDetail>(one(id)),
  types: () => http.get<Page<TCorrespondenceItemType>>(`${BASE}/types?limit=100`),
  create: (body: TCreateCorrespondence) => http.post<TCorrespondence>(BASE, body),
  update: (id: string, body: TUpdateCorrespondence) => http.patch<TCorrespondence>(one(id), body),

  route: (id: string, body: TRouteCorrespondence) => http.post<TCorrespondenceDetail>(one(id, 'route'), body),
  accept: (id: string) => http.post<TCorrespondenceDetail>(one(id, 'accept'), {}),
  saveReply: (id: string, body: TSaveReply) => http.put<TCorrespondenceDetail>(one(id, 'reply'), body),
  submitReview: (id: string, body: TSubmitReview) => http.post<TCorrespondenceDetail>(one(id, 'submit-review'), body),
  review: (id: string, body: TDecide) => http.post<TCorrespondenceDetail>(one(id, 'review'), body),
  sign: (id: string, body: TDecide) => http.post<TCorrespondenceDetail>(one(id, 'sign'), body),
  signBatch: (body: TSignBatch) =>
    http.post<{ results: { id: string; ok: boolean; detail: string | null }[] }>(`${BASE}/sign-batch`, body),
  send: (id: string, body: TSendReply) => http.post<TCorrespondenceDetail>(one(id, 'send'), body),
  close: (id: string, body: TCloseCorrespondence) => http.post<TCorrespondenceDetail>(one(id, 'close'), body),
  wait: (id: string, comment: string) => http.post<TCorrespondenceDetail>(one(id, 'wait'), { comment }),
  forward: (id: string, body: TForwardCorrespondence) => http.post<TCorrespondenceDetail>(one(id, 'forward'), body),
  sendAcknowledgement: (id: string, body: TSendAcknowledgement) =>
    http.post<TAcknowledgement>(one(id, 'acknowledgement/send'), body),

  signatureBook: (cursor: string | null, limit = 50) =>
    http.get<Page<TCorrespondenceSummary>>(`${BASE}/signature-book${queryString({ limit, cursor })}`),
  /** The members who may give a visa, by name or by id (every role that reads correspondence). */
  reviewers: (params: { q?: string; ids?: readonly string[]; limit?: number }) =>
    http.get<Page<TMemberOption>>(
      `${BASE}/reviewers${queryString({ q: params.q?.trim(), ids: params.ids?.join(','), limit: params.limit ?? 20 })}`,
    ),
  templates: () => http.get<Page<TReplyTemplate>>(`${BASE}/reply-templates?limit=100`),
  /** Adds and removes tags on several items (the server skips those the caller may not tag). */
  bulkTags: (body: TBulkTags) => http.post<TBulkTagsResult>(`${BASE}/tags`, body),
  /** The organisation's most used tags starting with `q`, for autocomplete. */
  tagSuggestions: (q: string) =>
    http.get<TTagSuggestions>(`${BASE}/tags${queryString({ q: q.trim() || undefined, limit: 20 })}`),
};
