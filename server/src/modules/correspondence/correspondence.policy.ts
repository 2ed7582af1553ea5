import type { TConfidentiality, TRole } from '@dircab/contracts';
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/policy/actor';
import { CABINET_ROLES, canSee, type ScopeColumns, visibleTo } from '../../platform/policy/confidentiality';
import { definePolicy } from '../../platform/policy/define-policy';
import { officials } from '../directory/officials.schema';
import { memberships } from '../org/org.schema';
import { correspondenceItems } from './correspondence.schema';

/**
 * Who reaches the correspondence routes at all. Group staff never see correspondence and the
 * admin sees no content (403). Services see what is routed to their service or to them;
 * officials the items of their portfolio and those routed to them.
 */
const READ: readonly TRole[] = [...CABINET_ROLES, 'official', 'services'];
/** The cabinet registers, edits and routes; the secretariat is the usual hand. */
const REGISTER: readonly TRole[] = CABINET_ROLES;
/** The register's settings (numbering): the heads of the cabinet and the admin, who keeps settings. */
const MANAGE: readonly TRole[] = ['executive', 'chief_of_staff', 'admin'];
/** Who tags items (the triage labels) and reads the organisation's tag suggestions: the cabinet. */
const TAG: readonly TRole[] = CABINET_ROLES;
/** Who signs outgoing letters (signature book): the executive, and members with a delegation (`signsMail`). */
const SIGN: readonly TRole[] = ['executive'];

export const CORRESPONDENCE_ROLES = { read: READ, register: REGISTER, manage: MANAGE, sign: SIGN, tag: TAG } as const;

/** Roles that see items by the confidentiality kernel; the others by routing, portfolio or naming. */
const BY_CONFIDENTIALITY: readonly TRole[] = CABINET_ROLES;

/** What the rules need to know of the actor beyond the session: their service and portfolio. */
export interface Viewer extends Actor {
  serviceId: string | null;
  portfolios: readonly string[];
  /** Signs outgoing mail by delegation of the executive. */
  signsMail: boolean;
}

/** The executive signs; so does a member of a reading role the admin gave a delegation of signature. */
export function signsMail(viewer: Viewer): boolean {
  return SIGN.includes(viewer.role) || (viewer.signsMail && READ.includes(viewer.role));
}

export interface CorrespondenceRecord {
  orgId: string;
  confidentiality: TConfidentiality;
  members: readonly string[];
  status: string;
  direction: 'in' | 'out';
  topic: string | null;
  serviceIds: readonly string[];
  routedUserIds: readonly string[];
  leadServiceId: string | null;
  leadUserId: string | null;
}

/** Facts of the circuit the list and the item load with the record (approvals of the round). */
export interface CircuitFacts {
  /** A visa of the current round waits for this actor. */
  awaitingMyReview: boolean;
  /** The signature of the current round is given. */
  signed: boolean;
}

export type PolicyRecord = CorrespondenceRecord & CircuitFacts;

/**
 * The in-memory rule; `visibleItems` is its SQL twin. Routing and portfolio open normal items;
 * routing also opens restricted ones (the cabinet chose to send them); confidential items
 * stay with the people named on them.
 */
export function canSeeItem(viewer: Viewer, item: CorrespondenceRecord): boolean {
  if (item.orgId !== viewer.orgId) return false;
  if (BY_CONFIDENTIALITY.includes(viewer.role)) return canSee(viewer, item);
  if (!READ.includes(viewer.role)) return false;
  if (item.members.includes(viewer.userId)) return true;
  if (item.confidentiality === 'confidential') return false;
  if (item.routedUserIds.includes(viewer.userId)) return true;
  if (viewer.role === 'services' && viewer.serviceId && item.serviceIds.includes(viewer.serviceId)) return true;
  return (
    viewer.role === 'official' &&
    item.confidentiality === 'normal' &&
    item.topic !== null &&
    viewer.portfolios.includes(item.topic)
  );
}

/** Services and officials: their items are few, gathered by index (the list sorts them after). */
export function seesOnlyNamedItems(actor: Actor): boolean {
  return !BY_CONFIDENTIALITY.includes(actor.role);
}

/** The routing columns default to the item table's own (a caller without an alias passes the kernel's three). */
export interface ItemScopeColumns extends ScopeColumns {
  audience?: SQLWrapper;
  topic?: SQLWrapper;
}

/** The item table's own columns, for callers that query correspondence_items without an alias. */
export const ITEM_SCOPE: ItemScopeColumns = {
  orgId: correspondenceItems.orgId,
  confidentiality: correspondenceItems.confidentiality,
  members: correspondenceItems.members,
  audience: correspondenceItems.audience,
  topic: correspondenceItems.topic,
};

/**
 * SQL condition: the items the actor may see. For services and officials it is one OR of
 * indexed lookups: the GIN arrays (members, routed users, services) and (org_id, topic); the
 * actor's service and portfolios are uncorrelated sub-selects, computed once per statement.
 */
export function visibleItems(actor: Actor, scope: ItemScopeColumns = ITEM_SCOPE): SQL {
  const c = { ...ITEM_SCOPE, ...scope } as Required<ItemScopeColumns>;
  if (BY_CONFIDENTIALITY.includes(actor.role)) return visibleTo(actor, c);
  if (!READ.includes(actor.role)) return sql`false`;
  // One GIN condition on the audience keys (see the column): the actor's own id, their
  // service, their portfolio's topics; the last two are uncorrelated sub-selects, computed once.
  const keys: SQL[] = [sql`array[${actor.userId}::text]`];
  if (actor.role === 'services') {
    keys.push(
      sql`array(select ${memberships.serviceId}::text from ${memberships}
            where ${memberships.orgId} = ${actor.orgId} and ${memberships.userId} = ${actor.userId}
              and ${memberships.serviceId} is not null)`,
    );
  }
  if (actor.role === 'official') {
    keys.push(
      sql`array(select 'topic:' || p.topic from ${officials}, unnest(${officials.portfolios}) as p(topic)
            where ${officials.orgId} = ${actor.orgId} and ${officials.userId} = ${actor.userId})`,
    );
  }
  return sql`(${c.orgId} = ${actor.orgId} and ${c.audience} && (${sql.join(keys, sql` || `)}))`;
}

/**
 * The confidentiality written to the search index. The kernel's `normal` lets every role
 * with content find a record, which would show services and officials the whole register:
 * an item is indexed as `restricted` (cabinet roles) with its audience as members
 * (`indexItem` adds the routed people and services' members and the portfolio's officials).
 */
export function searchConfidentiality(level: TConfidentiality): TConfidentiality {
  return level === 'normal' ? 'restricted' : level;
}

/** Statuses in which the item can be (re-)routed: before any reply is drafted. */
export const ROUTABLE = ['registered', 'routed', 'in_progress', 'waiting_info'] as const;
/** Open statuses that can wait for information or close without reply. */
export const OPEN = ['routed', 'in_progress', 'reply_drafted', 'waiting_info'] as const;
export const FORWARDABLE = ['registered', 'routed', 'in_progress', 'waiting_info'] as const;

const isIn = (status: string, list: readonly string[]) => list.includes(status);

/** The lead of the current routing: the person named, or any member of the service named. */
export function isLead(viewer: Viewer, item: CorrespondenceRecord): boolean {
  if (item.leadUserId) return item.leadUserId === viewer.userId;
  return viewer.role === 'services' && viewer.serviceId !== null && item.leadServiceId === viewer.serviceId;
}

/** The lead works the item; the cabinet may step in at every stage. */
const works = (v: Viewer, i: CorrespondenceRecord) => isLead(v, i) || REGISTER.includes(v.role);
const incoming = (i: CorrespondenceRecord) => i.direction === 'in';

export const correspondencePolicy = definePolicy<
  | 'read'
  | 'update'
  | 'route'
  | 'accept'
  | 'reply'
  | 'submitReview'
  | 'review'
  | 'sign'
  | 'send'
  | 'close'
  | 'wait'
  | 'forward'
  | 'tag',
  PolicyRecord & { viewer: Viewer }
>({
  read: (_a, i) => canSeeItem(i.viewer, i),
  // Editable while registered only: once routed, changes go through the processing actions.
  update: (a, i) => canSeeItem(i.viewer, i) && REGISTER.includes(a.role) && i.status === 'registered',
  route: (a, i) => incoming(i) && REGISTER.includes(a.role) && isIn(i.status, ROUTABLE),
  // The lead takes the item, or takes it back once the missing information has come.
  accept: (_a, i) => incoming(i) && isIn(i.status, ['routed', 'waiting_info']) && isLead(i.viewer, i),
  reply: (_a, i) => incoming(i) && isIn(i.status, ['in_progress', 'reply_drafted']) && works(i.viewer, i),
  submitReview: (_a, i) => incoming(i) && i.status === 'reply_drafted' && works(i.viewer, i),
  review: (_a, i) => i.status === 'in_review' && i.awaitingMyReview,
  sign: (_a, i) => i.status === 'to_sign' && !i.signed && signsMail(i.viewer),
  send: (_a, i) => i.status === 'to_sign' && i.signed && works(i.viewer, i),
  close: (_a, i) => incoming(i) && (i.status === 'sent' || isIn(i.status, OPEN)) && works(i.viewer, i),
  wait: (_a, i) => incoming(i) && isIn(i.status, ['routed', 'in_progress', 'reply_drafted']) && works(i.viewer, i),
  forward: (_a, i) => incoming(i) && isIn(i.status, FORWARDABLE) && works(i.viewer, i),
  // Tags are the cabinet's triage labels, at any stage: services and officials read them.
  tag: (a, i) => canSeeItem(i.viewer, i) && TAG.includes(a.role),
});
