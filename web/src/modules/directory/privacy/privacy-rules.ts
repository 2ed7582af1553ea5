import type { TRole } from '@dircab/contracts';

// Mirrors server/src/modules/directory/privacy/privacy.policy.ts: the contact's own `policies`
// do not carry these actions, and the retention settings or a bulk export have no record yet.
const HEADS: readonly TRole[] = ['executive', 'chief_of_staff', 'cabinet_head'];

/** Retention periods: the heads and the admin. */
export const canSetRetention = (role: TRole) => HEADS.includes(role) || role === 'admin';
/** A person's export and erasure: the heads. */
export const canHandlePersonalData = (role: TRole) => HEADS.includes(role);
/** The bulk CSV export: the heads only (a constituent file leaving in bulk is the classic leak). */
export const canBulkExport = (role: TRole) => HEADS.includes(role);

export const PRIVACY_PATH = '/directory/privacy';
export const personalDataPath = (id: string) => `/directory/contacts/${encodeURIComponent(id)}/export`;
