import type {
  TAckTemplate,
  TCorrespondenceItemType,
  TCreateAckTemplate,
  TCreateGatewayToken,
  TCreateItemType,
  TCreateReplyTemplate,
  TGatewayToken,
  THolidaySettings,
  THolidaySettingsInput,
  TLetterhead,
  TMailSettings,
  TMailTestResult,
  TManagedItemType,
  TNumberingSettings,
  TPolicies,
  TPublicFormSettings,
  TPublicFormSettingsView,
  TReplyTemplate,
  TRole,
  TUpdateAckTemplate,
  TUpdateItemType,
  TUpdateLetterhead,
  TUpdateMailSettings,
  TUpdateReplyTemplate,
} from '@dircab/contracts';
import { http } from '../../../app/api/http';
import type { Page } from '../../directory/directory-api';
import { CORRESPONDENCE_KEY, TEMPLATES_KEY, TYPES_KEY } from '../correspondence-api';
import { sectionsFor } from './settings-roles';

export const SETTINGS_PATH = '/correspondence/settings';
export { TEMPLATES_KEY, TYPES_KEY };

/** Whether the role may manage item types (the server's follow-up policy). */
export const canManageTypes = (role: TRole) => sectionsFor(role).includes('types');

const C = '/api/v1/correspondence';
const one = (base: string, id: string) => `${base}/${encodeURIComponent(id)}`;

export const itemTypesApi = {
  /** The types, each with its `policies` (update, delete), and the list's own (`policies.create`). */
  list: () => http.get<Page<TCorrespondenceItemType> & { policies: TPolicies }>(`${C}/types?limit=100`),
  create: (body: TCreateItemType) => http.post<TManagedItemType>(`${C}/types`, body),
  update: (id: string, body: TUpdateItemType) => http.patch<TManagedItemType>(one(`${C}/types`, id), body),
  remove: (id: string) => http.delete(one(`${C}/types`, id)),
};

export const NUMBERING_KEY = [...CORRESPONDENCE_KEY, 'numbering'] as const;
export const numberingApi = {
  get: () => http.get<TNumberingSettings>(`${C}/settings`),
  save: (body: TNumberingSettings) => http.put<TNumberingSettings>(`${C}/settings`, body),
};

export const replyTemplatesApi = {
  list: () => http.get<Page<TReplyTemplate>>(`${C}/reply-templates?limit=100`),
  create: (body: TCreateReplyTemplate) => http.post<TReplyTemplate>(`${C}/reply-templates`, body),
  update: (id: string, body: TUpdateReplyTemplate) => http.patch<TReplyTemplate>(one(`${C}/reply-templates`, id), body),
  remove: (id: string) => http.delete(one(`${C}/reply-templates`, id)),
};

export const ACK_TEMPLATES_KEY = [...CORRESPONDENCE_KEY, 'ack-templates'] as const;
export const ackTemplatesApi = {
  list: () => http.get<Page<TAckTemplate>>(`${C}/ack-templates?limit=100`),
  create: (body: TCreateAckTemplate) => http.post<TAckTemplate>(`${C}/ack-templates`, body),
  update: (id: string, body: TUpdateAckTemplate) => http.patch<TAckTemplate>(one(`${C}/ack-templates`, id), body),
  remove: (id: string) => http.delete(one(`${C}/ack-templates`, id)),
};

export const LETTERHEAD_KEY = [...CORRESPONDENCE_KEY, 'letterhead'] as const;
export const letterheadApi = {
  get: () => http.get<TLetterhead>(`${C}/letterhead`),
  save: (body: TUpdateLetterhead) => http.put<TLetterhead>(`${C}/letterhead`, body),
};

export const holidaysKey = (year: number) => ['settings', 'holidays', year] as const;
export const holidaysApi = {
  get: (year: number) => http.get<THolidaySettings>(`/api/v1/settings/holidays?year=${year}`),
  save: (body: THolidaySettingsInput) => http.put<THolidaySettings>('/api/v1/settings/holidays', body),
};

export const MAIL_KEY = ['settings', 'mail'] as const;
export const mailApi = {
  get: () => http.get<TMailSettings>('/api/v1/settings/mail'),
  save: (body: TUpdateMailSettings) => http.put<TMailSettings>('/api/v1/settings/mail', body),
  test: () => http.post<TMailTestResult>('/api/v1/settings/mail/test', {}),
};

export const GATEWAY_KEY = [...CORRESPONDENCE_KEY, 'gateway-tokens'] as const;
export const gatewayApi = {
  list: () => http.get<Page<TGatewayToken>>(`${C}/gateway-tokens?limit=100`),
  create: (body: TCreateGatewayToken) => http.post<TGatewayToken & { token: string }>(`${C}/gateway-tokens`, body),
  revoke: (id: string) => http.delete<TGatewayToken>(one(`${C}/gateway-tokens`, id)),
};

export const PUBLIC_FORM_KEY = [...CORRESPONDENCE_KEY, 'public-form'] as const;
export const publicFormApi = {
  get: () => http.get<TPublicFormSettingsView>(`${C}/public-form`),
  save: (body: TPublicFormSettings) => http.put<TPublicFormSettingsView>(`${C}/public-form`, body),
};
