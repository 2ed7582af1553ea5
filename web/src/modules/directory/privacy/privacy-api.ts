import type { TEraseContact, TPersonalDataExport, TRetention, TRetentionInput } from '@dircab/contracts';
import { http, queryString } from '../../../app/api/http';

export const RETENTION_KEY = ['privacy', 'retention'] as const;
export const personalDataKey = (id: string) => ['privacy', 'export', id] as const;

const contactUrl = (id: string) => `/api/v1/contacts/${encodeURIComponent(id)}`;

/** The list's filters as the CSV export reads them (empty values left out, no page). */
export type CsvExportFilters = Record<string, string | undefined | null>;

/** The bulk export's address: a plain link, so the browser streams the file to disk. */
export function contactsCsvUrl(filters: CsvExportFilters): string {
  const trimmed: CsvExportFilters = {};
  for (const [key, value] of Object.entries(filters)) {
    // The page and the political group never go to an export (the server refuses the group).
    if (key === 'limit' || key === 'cursor' || key === 'groupId') continue;
    trimmed[key] = typeof value === 'string' ? value.trim() : value;
  }
  return `/api/v1/contacts/export.csv${queryString(trimmed)}`;
}

export const privacyApi = {
  retention: () => http.get<TRetention>('/api/v1/privacy/retention'),
  saveRetention: (body: TRetentionInput) => http.put<TRetention>('/api/v1/privacy/retention', body),
  personalData: (id: string) => http.get<TPersonalDataExport>(`${contactUrl(id)}/export`),
  erase: (id: string, body: TEraseContact) => http.post<void>(`${contactUrl(id)}/erase`, body),
};
