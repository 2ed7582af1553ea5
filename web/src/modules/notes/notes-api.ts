import type {
  TAnnotation,
  TAnswerNote,
  TContribution,
  TCreateAnnotation,
  TCreateContribution,
  TCreateNote,
  TDecisionItem,
  TMemberOption,
  TNote,
  TNoteDiff,
  TNoteKind,
  TNoteStatus,
  TNoteTemplate,
  TNoteTemplateInput,
  TNoteVersion,
  TRole,
  TTask,
  TTransitionNote,
  TUpdateNote,
  TUpdateNoteTemplate,
  TWriteContribution,
} from '@dircab/contracts';
import { http, queryString } from '../../app/api/http';
import type { Page } from '../directory/directory-api';

export const NOTES_KEY = ['notes'] as const;
export const noteKey = (id: string) => [...NOTES_KEY, 'one', id] as const;
export const READING_FOLDER_KEY = [...NOTES_KEY, 'reading-folder'] as const;
export const NOTE_TEMPLATES_KEY = [...NOTES_KEY, 'templates'] as const;
export const DECISIONS_KEY = ['decisions'] as const;
// Contributions asked of the actor are tasks: they change when a task does.
export const MY_CONTRIBUTIONS_KEY = ['tasks', 'note-contributions'] as const;

/** The list's filters: the screen's state, and the API's query. */
export interface NoteFilters {
  view: 'all' | 'mine' | 'addressed';
  status: TNoteStatus | null;
  kind: TNoteKind | null;
}

const BASE = '/api/v1/notes';
const one = (id: string, action = '') => `${BASE}/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;

/** Where the browser downloads the note (the server names the file). */
export const exportUrl = (id: string, format: 'docx' | 'odt' | 'pdf') => `${one(id, 'export')}?format=${format}`;

export const notesApi = {
  list: (f: NoteFilters, cursor: string | null) =>
    http.get<Page<TNote>>(
      `${BASE}${queryString({ view: f.view === 'all' ? undefined : f.view, status: f.status, kind: f.kind, limit: 25, cursor })}`,
    ),
  readingFolder: (cursor: string | null) =>
    http.get<Page<TNote>>(`${BASE}/reading-folder${queryString({ limit: 25, cursor })}`),
  templates: () => http.get<Page<TNoteTemplate>>(`${BASE}/templates?limit=100`),
  createTemplate: (body: TNoteTemplateInput) => http.post<TNoteTemplate>(`${BASE}/templates`, body),
  updateTemplate: (id: string, body: TUpdateNoteTemplate) =>
    http.patch<TNoteTemplate>(`${BASE}/templates/${encodeURIComponent(id)}`, body),
  deleteTemplate: (id: string) => http.delete(`${BASE}/templates/${encodeURIComponent(id)}`),
  note: (id: string) => http.get<TNote>(one(id)),
  create: (body: TCreateNote) => http.post<TNote>(BASE, body),
  update: (id: string, body: TUpdateNote) => http.patch<TNote>(one(id), body),
  transition: (id: string, body: TTransitionNote) => http.post<TNote>(one(id, 'transitions'), body),
  versions: (id: string) => http.get<Page<TNoteVersion>>(`${one(id, 'versions')}?limit=200`),
  diff: (id: string, v: number, against: number) =>
    http.get<TNoteDiff>(`${one(id, `versions/${v}/diff`)}?against=${against}`),
  contributions: (id: string) => http.get<{ data: TContribution[] }>(one(id, 'contributions')),
  contribution: (id: string, cid: string) => http.get<TContribution>(one(id, `contributions/${cid}`)),
  requestContribution: (id: string, body: TCreateContribution) =>
    http.post<TContribution>(one(id, 'contributions'), body),
  writeContribution: (id: string, cid: string, body: TWriteContribution) =>
    http.put<TContribution>(one(id, `contributions/${cid}`), body),
  merge: (id: string, cid: string) => http.post<TNote>(one(id, `contributions/${cid}/merge`), {}),
  markRead: (id: string) => http.post<TNote>(one(id, 'read'), {}),
  annotations: (id: string) => http.get<Page<TAnnotation>>(`${one(id, 'annotations')}?limit=200`),
  annotate: (id: string, body: TCreateAnnotation) => http.post<TAnnotation>(one(id, 'annotations'), body),
  answer: (id: string, body: TAnswerNote) => http.post<TNote>(one(id, 'answer'), body),
};

export const decisionsApi = {
  list: (view: 'open' | 'overdue' | 'all', cursor: string | null) =>
    http.get<Page<TDecisionItem>>(`/api/v1/decisions${queryString({ view, limit: 25, cursor })}`),
  one: (id: string) => http.get<TDecisionItem>(`/api/v1/decisions/${encodeURIComponent(id)}`),
  /** A decision's actions: the tasks linked to it. */
  actions: (id: string) =>
    http.get<Page<TTask>>(`/api/v1/tasks${queryString({ linkKind: 'decision', linkId: id, limit: 50 })}`),
};

/** The tasks that ask the actor (or their service) for a note's section. */
export const myContributionTasks = () =>
  Promise.all(
    (['mine', 'my_service'] as const).map((view) =>
      http.get<Page<TTask>>(`/api/v1/tasks${queryString({ view, linkKind: 'note', status: 'todo', limit: 100 })}`),
    ),
  ).then((pages) => {
    const seen = new Map<string, TTask>();
    for (const task of pages.flatMap((p) => p.data)) seen.set(task.id, task);
    return [...seen.values()];
  });

export const PEOPLE_KEY = [...NOTES_KEY, 'people'] as const;

/** Members a note may name (GET /api/v1/notes/people): by name, role, or the ids a form holds. */
export const lookupPeople = (params: { q?: string; role?: TRole; ids?: readonly string[] }) =>
  http.get<Page<TMemberOption>>(
    `${BASE}/people${queryString({ q: params.q?.trim(), role: params.role, ids: params.ids?.join(','), limit: 50 })}`,
  );
