import type { TMemberOption, TRole } from '@dircab/contracts';
import { http, queryString } from '../../../app/api/http';
import type { Page } from '../directory-api';

export const MEMBER_LOOKUP_KEY = ['members', 'lookup'] as const;

/** Active members of the organisation for a picker (GET /api/v1/members/lookup, the heads). */
export const lookupMembers = (params: { q?: string; role?: TRole; ids?: readonly string[]; limit?: number }) =>
  http.get<Page<TMemberOption>>(
    `/api/v1/members/lookup${queryString({
      q: params.q?.trim(),
      role: params.role,
      ids: params.ids?.join(','),
      limit: params.limit ?? 20,
    })}`,
  );
