import type { TConfidentiality, TRole } from '@dircab/contracts';
import type { SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/policy/actor';
import type { ScopeColumns } from '../../platform/policy/confidentiality';
import { definePolicy } from '../../platform/policy/define-policy';
import { canSeeNote, visibleNotes } from '../notes/notes.policy';

/**
 * Decisions are seen like notes: the cabinet by the confidentiality kernel over `members`
 * (the note's people, who decided, who recorded it), officials and services only where named.
 * The services that carry out an action see its task, not the decision.
 */
export const canSeeDecision = canSeeNote;
export const visibleDecisions: (actor: Actor, c: ScopeColumns) => SQL = visibleNotes;

/** Who records a decision: the heads of the cabinet, the advisers who were in the meeting, the officials who decide. */
const WRITE: readonly TRole[] = ['executive', 'chief_of_staff', 'cabinet_head', 'advisor', 'official'];
/** Who decides: the executive or an official. */
export const DECIDER_ROLES: readonly TRole[] = ['executive', 'official'];
const LEADS: readonly TRole[] = ['executive', 'chief_of_staff', 'cabinet_head'];

export const DECISION_ROLES = { write: WRITE } as const;

export interface DecisionRecord {
  orgId: string;
  confidentiality: TConfidentiality;
  members: readonly string[];
  createdBy: string | null;
  decidedBy: string | null;
}

/** Adding actions: who recorded it, who decided, and the heads of the cabinet. */
const mayFollowUp = (actor: Actor, d: DecisionRecord) =>
  canSeeDecision(actor, d) &&
  (d.createdBy === actor.userId || d.decidedBy === actor.userId || LEADS.includes(actor.role));

export const decisionPolicy = definePolicy<'read' | 'addActions', DecisionRecord>({
  read: canSeeDecision,
  addActions: mayFollowUp,
});

/** A normal decision is found in search by the cabinet and its people only (as notes). */
export function decisionSearchConfidentiality(level: TConfidentiality): TConfidentiality {
  return level === 'normal' ? 'restricted' : level;
}
