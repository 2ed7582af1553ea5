import type { TAuditEntry } from '@dircab/contracts';
import { http, queryString } from './http';

export interface AuditFilters {
  recordType?: string;
  recordId?: string;
  actorId?: string;
  from?: string;
  to?: string;
}

export interface AuditPage {
  data: TAuditEntry[];
  nextCursor: string | null;
}

export const auditKey = (filters: AuditFilters, limit: number) => ['audit', filters, limit] as const;

export function fetchAudit(filters: AuditFilters, limit: number, cursor?: string | null): Promise<AuditPage> {
  return http.get<AuditPage>(`/api/v1/audit${queryString({ ...filters, limit, cursor })}`);
}

export interface AuditActor {
  id: string;
  name: string;
}

export const AUDIT_ACTORS_KEY = ['audit', 'actors'] as const;

/** Everyone who may appear as an author in the organisation's trail (members past and present). */
export function fetchAuditActors(): Promise<AuditActor[]> {
  return http.get<{ data: AuditActor[] }>('/api/v1/audit/actors').then((r) => r.data);
}
