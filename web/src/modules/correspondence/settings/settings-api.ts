import type {
  TCorrespondenceItemType,
  TCreateItemType,
  TManagedItemType,
  TRole,
  TUpdateItemType,
} from '@dircab/contracts';
import { http } from '../../../app/api/http';
import type { Page } from '../../directory/directory-api';
import { TYPES_KEY } from '../correspondence-api';

export const SETTINGS_PATH = '/correspondence/settings';
export { TYPES_KEY };

// The roles server/src/modules/correspondence/follow-up/follow-up.policy.ts lets manage item types.
const TYPE_MANAGERS: readonly TRole[] = ['executive', 'chief_of_staff', 'admin'];
export const canManageTypes = (role: TRole) => TYPE_MANAGERS.includes(role);

const BASE = '/api/v1/correspondence/types';
const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

export const itemTypesApi = {
  list: () => http.get<Page<TCorrespondenceItemType>>(`${BASE}?limit=100`),
  create: (body: TCreateItemType) => http.post<TManagedItemType>(BASE, body),
  update: (id: string, body: TUpdateItemType) => http.patch<TManagedItemType>(one(id), body),
  remove: (id: string) => http.delete(one(id)),
};
