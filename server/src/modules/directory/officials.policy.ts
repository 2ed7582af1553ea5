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

/**
 * Political groups, the one place deciding who reads and writes them. Reading follows
 * affiliation: cabinet roles see every group, a group_staff member only the groups naming them.
 * Writing (create, rename, side, staff, delete) belongs to the roles that write officials.
 * The admin does not assign staff: membership roles are theirs, but a group's staff is a
 * political decision of the cabinet, and the admin sees no affiliation anyway.
 */
const READ_GROUPS: readonly TRole[] = [...CABINET_ROLES, 'group_staff'];

export const POLITICAL_GROUP_ROLES = { read: READ_GROUPS, write: WRITE_OFFICIALS } as const;

export interface PoliticalGroupRecord {
  orgId: string;
  staff: readonly string[];
}

export const politicalGroupPolicy = definePolicy<'read' | 'update' | 'delete', PoliticalGroupRecord>({
  read: (actor, g) =>
    g.orgId === actor.orgId &&
    (CABINET_ROLES.includes(actor.role) || (actor.role === 'group_staff' && g.staff.includes(actor.userId))),
  update: (actor, g) => g.orgId === actor.orgId && WRITE_OFFICIALS.includes(actor.role),
  delete: (actor, g) => g.orgId === actor.orgId && WRITE_OFFICIALS.includes(actor.role),
});
