import type { TContactMandate } from '@dircab/contracts';
import { http, queryString } from '../../../app/api/http';
import type { Page } from '../directory-api';

export const contactMandatesKey = (contactId: string) => ['contact-mandates', contactId] as const;

/** A contact's mandates, in force first (GET /api/v1/contacts/:id/mandates). */
export const contactMandates = (contactId: string, cursor: string | null, limit: number) =>
  http.get<Page<TContactMandate>>(
    `/api/v1/contacts/${encodeURIComponent(contactId)}/mandates${queryString({ limit, cursor })}`,
  );
