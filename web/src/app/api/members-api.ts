import type { TCreateMember, TMember, TOrganisation, TPolicies, TUpdateMember } from '@dircab/contracts';
import { http, queryString } from './http';

export interface MembersPage {
  data: TMember[];
  nextCursor: string | null;
  /** Every member of the organisation, whatever the page. */
  total: number;
}

export type TCreatedMember = TMember & { temporaryPassword?: string };
export type TOrganisationWithPolicies = TOrganisation & { policies: TPolicies };
export type TOrganisationChanges = Partial<
  Pick<TOrganisation, 'name' | 'officialCode' | 'timeZone' | 'currency' | 'locale'>
>;

export const MEMBERS_KEY = ['members'] as const;
export const ORGANISATION_KEY = ['organisation'] as const;
/** Under MEMBERS_KEY: a member change refreshes the open member too. */
export const memberKey = (userId: string) => [...MEMBERS_KEY, 'one', userId] as const;

export const membersApi = {
  list: (limit: number, cursor?: string | null) =>
    http.get<MembersPage>(`/api/v1/members${queryString({ limit, cursor })}`),
  get: (userId: string) => http.get<TMember>(`/api/v1/members/${encodeURIComponent(userId)}`),
  create: (input: TCreateMember) => http.post<TCreatedMember>('/api/v1/members', input),
  update: (userId: string, input: TUpdateMember) =>
    http.patch<TMember>(`/api/v1/members/${encodeURIComponent(userId)}`, input),
  organisation: () => http.get<TOrganisationWithPolicies>('/api/v1/organisation'),
  updateOrganisation: (changes: TOrganisationChanges) => http.patch<TOrganisation>('/api/v1/organisation', changes),
};
