import type {
  TContact,
  TCreateRelation,
  TDuplicatePair,
  TMergeContacts,
  TMergeResult,
  TMergeUndoResult,
  TRelation,
  TRelationDirection,
  TRelationKind,
  TTimelineEntry,
  TUpdateRelation,
} from '@dircab/contracts';
import { http, queryString } from '../../app/api/http';
import { CONTACTS_KEY, type Page } from './directory-api';

const contactPath = (id: string) => `/api/v1/contacts/${encodeURIComponent(id)}`;

// Under CONTACTS_KEY: a change to any contact refreshes relations, duplicates and timelines too.
export const relationsKey = (id: string) => [...CONTACTS_KEY, 'relations', id] as const;
export const contactDuplicatesKey = (id: string) => [...CONTACTS_KEY, 'duplicates', id] as const;
export const duplicatesKey = [...CONTACTS_KEY, 'duplicates', 'all'] as const;
export const timelineKey = (id: string) => [...CONTACTS_KEY, 'timeline', id] as const;

export const DUPLICATES_PATH = '/directory/duplicates';
export const mergePath = (keptId: string, duplicateId: string) =>
  `/directory/contacts/${encodeURIComponent(keptId)}/merge/${encodeURIComponent(duplicateId)}`;

export const contactLinksApi = {
  relations: (id: string, cursor: string | null, limit = 50) =>
    http.get<Page<TRelation>>(`${contactPath(id)}/relations${queryString({ limit, cursor })}`),
  createRelation: (id: string, body: TCreateRelation) => http.post<TRelation>(`${contactPath(id)}/relations`, body),
  updateRelation: (id: string, relationId: string, body: TUpdateRelation) =>
    http.patch<TRelation>(`${contactPath(id)}/relations/${encodeURIComponent(relationId)}`, body),
  deleteRelation: (id: string, relationId: string) =>
    http.delete(`${contactPath(id)}/relations/${encodeURIComponent(relationId)}`),
  /** The contact picker: a few names matching what is typed. */
  pick: (q: string) => http.get<Page<TContact>>(`/api/v1/contacts${queryString({ q: q.trim(), limit: 10 })}`),

  duplicates: (cursor: string | null, limit = 50) =>
    http.get<Page<TDuplicatePair>>(`/api/v1/contacts/duplicates${queryString({ limit, cursor })}`),
  contactDuplicates: (id: string) => http.get<Page<TDuplicatePair>>(`${contactPath(id)}/duplicates`),
  dismiss: (id: string, duplicateId: string) => http.post(`${contactPath(id)}/duplicates/dismiss`, { duplicateId }),

  merge: (id: string, body: TMergeContacts) => http.post<TMergeResult>(`${contactPath(id)}/merge`, body),
  undoMerge: (id: string, auditId: string) =>
    http.post<TMergeUndoResult>(`${contactPath(id)}/merges/${encodeURIComponent(auditId)}/undo`, {}),

  timeline: (id: string, cursor: string | null, limit = 20) =>
    http.get<Page<TTimelineEntry>>(`${contactPath(id)}/timeline${queryString({ limit, cursor })}`),
};

/** A relation kind read from one side: the i18n key of its wording (« travaille pour » / « emploie »). */
export const relationWordingKey = (kind: TRelationKind, direction: TRelationDirection) =>
  `relations.kinds.${kind}.${direction}`;
