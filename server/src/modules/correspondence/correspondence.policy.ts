import type { TConfidentiality, TRole } from '@dircab/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/policy/actor';
import { CABINET_ROLES, canSee, type ScopeColumns, visibleTo } from '../../platform/policy/confidentiality';
import { definePolicy } from '../../platform/policy/define-policy';

/**
 * Who reaches the correspondence routes at all. Group staff never see correspondence and the
 * admin sees no content (403). Services and officials reach the routes but, in this first
 * increment, see only the items they are named on: routing to a service (services) and the
 * portfolio link (officials) come later, and until then deny by default.
 */
const READ: readonly TRole[] = [...CABINET_ROLES, 'official', 'services'];
/** The cabinet registers and edits; the secretariat is the usual hand. */
const REGISTER: readonly TRole[] = CABINET_ROLES;

/** The register's settings (numbering): the heads of the cabinet and the admin, who keeps settings. */
const MANAGE: readonly TRole[] = ['executive', 'chief_of_staff', 'admin'];

export const CORRESPONDENCE_ROLES = { read: READ, register: REGISTER, manage: MANAGE } as const;

/** Roles that see items by the confidentiality kernel; the others only when named. */
const BY_CONFIDENTIALITY: readonly TRole[] = CABINET_ROLES;

export interface CorrespondenceRecord {
  orgId: string;
  confidentiality: TConfidentiality;
  members: readonly string[];
}

/** The in-memory rule; `visibleItems` is its SQL twin. */
export function canSeeItem(actor: Actor, item: CorrespondenceRecord): boolean {
  if (item.orgId !== actor.orgId) return false;
  if (BY_CONFIDENTIALITY.includes(actor.role)) return canSee(actor, item);
  return READ.includes(actor.role) && item.members.includes(actor.userId);
}

/** Services and officials: their items are the few they are named on (the list gathers those first). */
export function seesOnlyNamedItems(actor: Actor): boolean {
  return !BY_CONFIDENTIALITY.includes(actor.role);
}

/** SQL condition: the items the actor may see (organisation, role, confidentiality, naming). */
export function visibleItems(actor: Actor, c: ScopeColumns): SQL {
  if (BY_CONFIDENTIALITY.includes(actor.role)) return visibleTo(actor, c);
  if (!READ.includes(actor.role)) return sql`false`;
  return sql`(${c.orgId} = ${actor.orgId} and ${c.members} @> array[${actor.userId}::uuid])`;
}

/**
 * The confidentiality written to the search index. The kernel's `normal` lets every role
 * with content find a record, which would show services and officials the whole register:
 * a normal item is indexed as `restricted` (cabinet roles, or named), which is exactly who
 * sees it here.
 */
export function searchConfidentiality(level: TConfidentiality): TConfidentiality {
  return level === 'normal' ? 'restricted' : level;
}

export const correspondencePolicy = definePolicy<'read' | 'update', CorrespondenceRecord & { status: string }>({
  read: (actor, item) => canSeeItem(actor, item),
  // Editable while registered only: once routed, changes go through the processing actions.
  update: (actor, item) => canSeeItem(actor, item) && REGISTER.includes(actor.role) && item.status === 'registered',
});
