import type { TCreateTask, TTask, TTaskLinkKind, TTaskStatus, TUpdateTask } from '@dircab/contracts';
import { http, queryString } from '../../app/api/http';

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** The views a person follows: their own, their service's, the ones they handed out, all. */
export const TASK_SCREEN_VIEWS = ['mine', 'my_service', 'created_by_me', 'all'] as const;
export type TaskScreenView = (typeof TASK_SCREEN_VIEWS)[number];

export const TASKS_KEY = ['tasks'] as const;
export const tasksKey = (view: TaskScreenView, status: TTaskStatus | '') =>
  [...TASKS_KEY, 'list', view, status] as const;
export const taskKey = (id: string) => [...TASKS_KEY, 'one', id] as const;

const one = (id: string) => `/api/v1/tasks/${encodeURIComponent(id)}`;

export const tasksApi = {
  list: (view: TaskScreenView, status: TTaskStatus | '', limit: number, cursor: string | null) =>
    http.get<Page<TTask>>(`/api/v1/tasks${queryString({ view, status, limit, cursor })}`),
  get: (id: string) => http.get<TTask>(one(id)),
  create: (body: TCreateTask) => http.post<TTask>('/api/v1/tasks', body),
  update: (id: string, body: TUpdateTask) => http.patch<TTask>(one(id), body),
};

export const TASKS_PATH = '/tasks';
export const taskPath = (id: string) => `${TASKS_PATH}/${id}`;

/** Where the web shows the record a task is about. */
export function linkedRecordPath(link: { kind: TTaskLinkKind; id: string }): string {
  switch (link.kind) {
    case 'case':
      return `/cases/${link.id}`;
    case 'correspondence':
      return `/correspondence/items/${link.id}`;
    case 'note':
      return `/notes/${link.id}`;
    case 'decision':
      return `/notes/decisions/${link.id}`;
    case 'event':
      return `/agenda/briefs/${link.id}`;
  }
}
