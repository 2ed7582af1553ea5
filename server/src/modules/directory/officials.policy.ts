import type { TRole } from '@dircab/contracts';
import type { Actor } from '../../platform/policy/actor';
import { CABINET_ROLES } from '../../platform/policy/confidentiality';
import { definePolicy } from '../../platform/policy/define-policy';

/**
 * Officials are public figures: the cabinet, the officials and the services read them. A
 * group's staff reads only the officials of their own group (political_groups.staff).
 */
const READ_OFFICIALS: readonly TRole[] = [...CABINET_ROLES, 'official', 'services', 'group_staff'];
const WRITE_OFFICIALS: readonly TRole[] = ['executive', 'chief_of_staff', 'cabinet_head'];
/** Importing the register writes contacts and officials in bulk. */
const IMPORT: readonly TRole[] = ['executive', 'chief_of_staff', 'cabinet_head', 'secretariat'];

export const OFFICIAL_ROLES = { read: READ_OFFICIALS, write: WRITE_OFFICIALS, import: IMPORT } as const;

export interface OfficialRecord {
  orgId: string;
  /** The staff of the official's political group (empty when none). */
  groupStaff: readonly string[];
}

/** Political affiliation (RGPD): cabinet roles, and a group's staff for their own group. */
export function canSeeAffiliation(actor: Actor, record: OfficialRecord): boolean {
  if (record.orgId !== actor.orgId) return false;
  if (CABINET_ROLES.includes(actor.role)) return true;
  return actor.role === 'group_staff' && record.groupStaff.includes(actor.userId);
}

export const officialPolicy = definePolicy<'read' | 'update' | 'delete', OfficialRecord>({
  read: (actor, o) =>
    o.orgId === actor.orgId &&
    READ_OFFICIALS.includes(actor.role) &&
    (actor.role !== 'group_staff' || o.groupStaff.includes(actor.userId)),
  update: (actor, o) => o.orgId === actor.orgId && WRITE_OFFICIALS.includes(actor.role),
  delete: (actor, o) => o.orgId === actor.orgId && WRITE_OFFICIALS.includes(actor.role),
});
