import type {
  TCreateInvitation,
  TDelegateInvitation,
  TInvitation,
  TInvitationStatus,
  TRepresentationReport,
} from '@dircab/contracts';
import { http, queryString } from '../../../app/api/http';
import type { Page } from '../../directory/directory-api';

export const INVITATIONS_PATH = '/agenda/invitations';
export const invitationPath = (id: string) => `${INVITATIONS_PATH}/${encodeURIComponent(id)}`;
export const NEW_INVITATION_PATH = `${INVITATIONS_PATH}/new`;
export const REPRESENTATION_PATH = `${INVITATIONS_PATH}/representation`;
/** The form, filled from an incoming letter of type invitation. */
export const invitationFromItemPath = (itemId: string) =>
  `${NEW_INVITATION_PATH}?fromItem=${encodeURIComponent(itemId)}`;

export const INVITATIONS_KEY = ['agenda-invitations'] as const;
export type InvitationTab = TInvitationStatus | 'overdue';
export const invitationListKey = (status: InvitationTab) => [...INVITATIONS_KEY, 'list', status] as const;
export const invitationKey = (id: string) => [...INVITATIONS_KEY, 'one', id] as const;
export const invitationOfItemKey = (itemId: string) => [...INVITATIONS_KEY, 'item', itemId] as const;

const BASE = '/api/v1/invitations';
const one = (id: string, action = '') => `${BASE}/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;

/** Where the browser downloads the reply declining an invitation. */
export const declineLetterUrl = (id: string, format: 'pdf' | 'docx' | 'odt') =>
  `${one(id, 'decline-letter')}?format=${format}`;

export const invitationsApi = {
  /** Soonest answer-by day first. */
  list: (status: InvitationTab, cursor: string | null, limit = 50) =>
    http.get<Page<TInvitation>>(`${BASE}${queryString({ status, limit, cursor })}`),
  ofItem: (itemId: string) =>
    http.get<Page<TInvitation>>(`${BASE}${queryString({ correspondenceItemId: itemId, limit: 1 })}`),
  one: (id: string) => http.get<TInvitation>(one(id)),
  create: (body: TCreateInvitation) => http.post<TInvitation>(BASE, body),
  accept: (id: string) => http.post<TInvitation>(one(id, 'accept'), {}),
  delegate: (id: string, body: TDelegateInvitation) => http.post<TInvitation>(one(id, 'delegate'), body),
  decline: (id: string, reason: string | null) => http.post<TInvitation>(one(id, 'decline'), { reason }),
  report: (from: string, to: string) =>
    http.get<TRepresentationReport>(`${BASE}/representation-report${queryString({ from, to })}`),
};
