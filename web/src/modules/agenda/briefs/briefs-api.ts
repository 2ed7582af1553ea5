import type { TAssembledBrief, TBrief, TUpdateBrief } from '@dircab/contracts';
import { http } from '../../../app/api/http';

export const briefPath = (eventId: string) => `/agenda/briefs/${encodeURIComponent(eventId)}`;
export const briefPrintPath = (eventId: string) => `${briefPath(eventId)}/print`;

export const BRIEFS_KEY = ['agenda-briefs'] as const;
export const assembledBriefKey = (eventId: string) => [...BRIEFS_KEY, 'assembled', eventId] as const;

const base = (eventId: string) => `/api/v1/events/${encodeURIComponent(eventId)}/brief`;

/** Where the browser downloads the one-page brief. */
export const briefFileUrl = (eventId: string, format: 'pdf' | 'docx' | 'odt') =>
  `${base(eventId)}/assembled?format=${format}`;

export const briefsApi = {
  /** The event, its brief, the officials going and who will be there with their history. */
  assembled: (eventId: string) => http.get<TAssembledBrief>(`${base(eventId)}/assembled?format=json`),
  update: (eventId: string, body: TUpdateBrief) => http.put<TBrief>(base(eventId), body),
  validate: (eventId: string) => http.post<TBrief>(`${base(eventId)}/validate`, {}),
};
