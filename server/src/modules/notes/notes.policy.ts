import type { TConfidentiality, TNoteStatus, TRole } from '@dircab/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/policy/actor';
import { CABINET_ROLES, canSee, type ScopeColumns, visibleTo } from '../../platform/policy/confidentiality';
import { definePolicy } from '../../platform/policy/define-policy';

/**
 * Who sees a note: cabinet roles by the confidentiality kernel over `members` (explicit
 * members, author, addressee); officials and services only the notes they are named on (an
 * official reads the notes addressed to them). A contributor sees their section and the title
 * only (contributions, not this policy). Group staff and the admin see nothing.
 */
const NAMED_ONLY: readonly TRole[] = ['official', 'services'];
/** Who writes notes: the cabinet. */
const WRITE: readonly TRole[] = CABINET_ROLES;
/** Who reviews and validates (visa): the heads of the cabinet. */
const REVIEWERS: readonly TRole[] = ['executive', 'chief_of_staff', 'cabinet_head'];
/** The roles a note is addressed to. */
export const ADDRESSEE_ROLES: readonly TRole[] = ['executive', 'official'];

/** Templates are the organisation's settings: the heads of the cabinet and the admin manage them; writers read them. */
const TEMPLATES: readonly TRole[] = ['chief_of_staff', 'cabinet_head', 'admin'];
const TEMPLATE_READERS: readonly TRole[] = [...WRITE, 'admin'];

/** Who a note may name (addressee, members, contributors): everybody but the roles that see no content. */
export const NOTE_PEOPLE_ROLES: readonly TRole[] = [...CABINET_ROLES, 'official', 'services'];

export const NOTE_ROLES = {
  write: WRITE,
  reviewers: REVIEWERS,
  reader: ADDRESSEE_ROLES,
  templates: TEMPLATES,
  templateReaders: TEMPLATE_READERS,
} as const;

export interface NoteRecord {
  orgId: string;
  confidentiality: TConfidentiality;
  members: readonly string[];
  authorId: string | null;
  addresseeId: string | null;
  status: TNoteStatus;
}

export function canSeeNote(actor: Actor, n: Pick<NoteRecord, 'orgId' | 'confidentiality' | 'members'>): boolean {
  if (n.orgId !== actor.orgId) return false;
  if (CABINET_ROLES.includes(actor.role)) return canSee(actor, n);
  return NAMED_ONLY.includes(actor.role) && n.members.includes(actor.userId);
}

/** SQL twin of `canSeeNote`. */
export function visibleNotes(actor: Actor, c: ScopeColumns): SQL {
  if (CABINET_ROLES.includes(actor.role)) return visibleTo(actor, c);
  if (!NAMED_ONLY.includes(actor.role)) return sql`false`;
  return sql`(${c.orgId} = ${actor.orgId} and ${c.members} @> array[${actor.userId}::uuid])`;
}

/** Written to the search index: a normal note is found by the cabinet and its people only. */
export function noteSearchConfidentiality(level: TConfidentiality): TConfidentiality {
  return level === 'normal' ? 'restricted' : level;
}

const EDITABLE: readonly TNoteStatus[] = ['draft', 'in_review'];
const isReviewer = (actor: Actor, n: NoteRecord) => canSeeNote(actor, n) && REVIEWERS.includes(actor.role);
const isAuthor = (actor: Actor, n: NoteRecord) => canSeeNote(actor, n) && n.authorId === actor.userId;
const isAddressee = (actor: Actor, n: NoteRecord) => canSeeNote(actor, n) && n.addresseeId === actor.userId;
/** The author writes the draft; a reviewer may correct it while it is under review. */
const mayEdit = (actor: Actor, n: NoteRecord) =>
  EDITABLE.includes(n.status) && (isAuthor(actor, n) || (isReviewer(actor, n) && WRITE.includes(actor.role)));

export const notePolicy = definePolicy<
  | 'read'
  | 'update'
  | 'submit'
  | 'return'
  | 'validate'
  | 'transmit'
  | 'requestContribution'
  | 'merge'
  | 'markRead'
  | 'annotate'
  | 'answer'
  | 'export',
  NoteRecord
>({
  read: canSeeNote,
  update: mayEdit,
  submit: (actor, n) => n.status === 'draft' && (isAuthor(actor, n) || isReviewer(actor, n)),
  return: (actor, n) => (n.status === 'in_review' || n.status === 'validated') && isReviewer(actor, n),
  validate: (actor, n) => n.status === 'in_review' && isReviewer(actor, n),
  transmit: (actor, n) => n.status === 'validated' && (isReviewer(actor, n) || isAuthor(actor, n)),
  requestContribution: mayEdit,
  merge: mayEdit,
  markRead: (actor, n) => n.status === 'transmitted' && isAddressee(actor, n),
  annotate: (actor, n) => ['transmitted', 'read', 'answered'].includes(n.status) && isAddressee(actor, n),
  answer: (actor, n) => (n.status === 'transmitted' || n.status === 'read') && isAddressee(actor, n),
  export: canSeeNote,
});
