import type { TRole } from '@dircab/contracts';
import type { Actor } from '../../../platform/policy/actor';
import { CABINET_ROLES } from '../../../platform/policy/confidentiality';

/** The heads of the cabinet: they answer for the file (RGPD controller's side). */
const HEADS: readonly TRole[] = ['executive', 'chief_of_staff', 'cabinet_head'];

/**
 * Who does what with personal data, in one place.
 * - retention: the heads, and the admin who keeps the organisation's settings (no content).
 * - exportPerson: the right of access (art. 15) is answered by the heads, not by every reader:
 *   the export gathers the whole file, audit history included.
 * - erase: the heads only; an erasure cannot be undone.
 * - bulkExport: the heads only. A constituent file leaving in bulk is the classic leak: not
 *   advisors, not the services, not the officials.
 */
export const PRIVACY_ROLES = {
  retention: [...HEADS, 'admin'] as readonly TRole[],
  exportPerson: HEADS,
  erase: HEADS,
  bulkExport: HEADS,
} as const;

/** Political affiliation in a person's export: cabinet roles only (as officials.policy.ts). */
export function canSeeAffiliationInExport(actor: Actor): boolean {
  return CABINET_ROLES.includes(actor.role);
}

/** The `policies` of the retention settings. */
export function retentionPolicies(actor: Actor) {
  return { update: PRIVACY_ROLES.retention.includes(actor.role) };
}
