import type { TConfidentiality, TRole } from '@dircab/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/policy/actor';
import { CABINET_ROLES, canSee, type ScopeColumns, visibleTo } from '../../platform/policy/confidentiality';
import { definePolicy } from '../../platform/policy/define-policy';

/**
 * Who reaches the case routes. Cabinet roles see cases by the confidentiality kernel;
 * officials and services only the cases they are named on (owner, team, members): an
 * official acts on interventions, a service contributes. Group staff and the admin never see
 * content: the read routes answer them an empty list or 404, the write routes 403.
 */
const WRITE: readonly TRole[] = [...CABINET_ROLES, 'official'];
/** The heads of the cabinet edit any case they see; the others the cases they are named on. */
const LEADS: readonly TRole[] = ['executive', 'chief_of_staff', 'cabinet_head'];
const NAMED_ONLY: readonly TRole[] = ['official', 'services'];
/** Who edits a case they may edit: writers, and a service named on it (its part of the work). */
const EDIT: readonly TRole[] = [...WRITE, 'services'];
/** The interventions report: the heads of the cabinet and the advisers who follow constituents. */
const REPORT: readonly TRole[] = ['executive', 'chief_of_staff', 'cabinet_head', 'advisor'];

export const CASE_ROLES = { write: WRITE, report: REPORT } as const;

export interface CaseRecord {
  orgId: string;
  confidentiality: TConfidentiality;
  /** Everyone named on the case (members, owner, team). */
  viewers: readonly string[];
  status: string;
}

/** The in-memory rule; `visibleCases` is its SQL twin. */
export function canSeeCase(actor: Actor, c: Omit<CaseRecord, 'status'>): boolean {
  if (c.orgId !== actor.orgId) return false;
  if (CABINET_ROLES.includes(actor.role)) return canSee(actor, { ...c, members: c.viewers });
  return NAMED_ONLY.includes(actor.role) && c.viewers.includes(actor.userId);
}

/** SQL condition: the cases the actor may see. */
export function visibleCases(actor: Actor, c: ScopeColumns): SQL {
  if (CABINET_ROLES.includes(actor.role)) return visibleTo(actor, c);
  if (!NAMED_ONLY.includes(actor.role)) return sql`false`;
  return sql`(${c.orgId} = ${actor.orgId} and ${c.members} @> array[${actor.userId}::uuid])`;
}

/** Officials and services: their cases are the few they are named on (gathered through the viewers index). */
export function seesOnlyNamedCases(actor: Actor): boolean {
  return !CABINET_ROLES.includes(actor.role);
}

/**
 * The confidentiality written to the search index: the kernel's `normal` would let services
 * and officials find every case, which they do not see here; `restricted` with the viewers is
 * exactly who sees a normal case.
 */
export function searchConfidentiality(level: TConfidentiality): TConfidentiality {
  return level === 'normal' ? 'restricted' : level;
}

function mayEdit(actor: Actor, c: CaseRecord): boolean {
  if (!canSeeCase(actor, c) || !EDIT.includes(actor.role)) return false;
  return LEADS.includes(actor.role) || c.viewers.includes(actor.userId);
}

export const casePolicy = definePolicy<'read' | 'update' | 'close' | 'escalate' | 'link', CaseRecord>({
  read: (actor, c) => canSeeCase(actor, c),
  // A closed case is reopened by setting its status again.
  update: (actor, c) => mayEdit(actor, c),
  close: (actor, c) => mayEdit(actor, c) && c.status !== 'closed',
  escalate: (actor, c) => mayEdit(actor, c) && c.status !== 'closed',
  link: (actor, c) => mayEdit(actor, c),
});
