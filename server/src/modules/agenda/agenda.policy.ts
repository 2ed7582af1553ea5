import type { TEventVisibility, TRole } from '@dircab/contracts';
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/policy/actor';
import { CABINET_ROLES } from '../../platform/policy/confidentiality';
import { definePolicy } from '../../platform/policy/define-policy';

/**
 * Who keeps the officials' diaries and so sees every event in full, private ones included
 * (DOMAIN.md): the executive and the chief of staff see everything; the chef de cabinet
 * organises agendas, events and protocol; the secretariat keeps the officials' diaries (every
 * official of the organisation in this increment: the assignment of a secretary to some
 * officials comes with the screens).
 */
const DIARY_KEEPERS: readonly TRole[] = ['executive', 'chief_of_staff', 'cabinet_head', 'secretariat'];

/**
 * Who reaches the agenda at all. Group staff never see the cabinet's items (seed 002) and the
 * admin no content: both get 403. Services and communication see public events in full and
 * the others as busy slots.
 */
const READ: readonly TRole[] = [...CABINET_ROLES, 'official', 'services'];

/** Who reads `internal` events in full (besides the keepers and the people on the event). */
const INTERNAL_READERS: readonly TRole[] = [...DIARY_KEEPERS, 'advisor', 'official'];

/** Officials write their own agenda; the keepers everyone's. */
const WRITE: readonly TRole[] = [...DIARY_KEEPERS, 'official'];

/** The cabinet answers invitations; an advisor may follow them. */
const INVITATIONS_READ: readonly TRole[] = [...DIARY_KEEPERS, 'advisor'];
const INVITATIONS_ANSWER: readonly TRole[] = DIARY_KEEPERS;

/** The secretariat prepares a trip brief; the cabinet (its heads) validates it. */
const BRIEF_WRITE: readonly TRole[] = DIARY_KEEPERS;
const BRIEF_VALIDATE: readonly TRole[] = ['executive', 'chief_of_staff', 'cabinet_head'];

/** The travel-time setting: the heads of the cabinet and the admin, who keeps settings. */
const SETTINGS: readonly TRole[] = ['executive', 'chief_of_staff', 'cabinet_head', 'admin'];

export const AGENDA_ROLES = {
  read: READ,
  write: WRITE,
  keepers: DIARY_KEEPERS,
  invitationsRead: INVITATIONS_READ,
  invitationsAnswer: INVITATIONS_ANSWER,
  settings: SETTINGS,
} as const;

export interface EventRecord {
  orgId: string;
  visibility: TEventVisibility;
  /** User accounts of the officials whose agenda the event is on. */
  officialUserIds: readonly string[];
  attendeeUserIds: readonly string[];
}

function isOnEvent(actor: Actor, e: EventRecord): boolean {
  return e.officialUserIds.includes(actor.userId) || e.attendeeUserIds.includes(actor.userId);
}

/**
 * Whether the actor sees the event's content, or only a busy slot (« Occupé », times only).
 * Every reading role sees that a slot is taken: that is what a shared agenda is for.
 */
export function seesEventDetails(actor: Actor, e: EventRecord): boolean {
  if (e.orgId !== actor.orgId || !READ.includes(actor.role)) return false;
  if (DIARY_KEEPERS.includes(actor.role) || isOnEvent(actor, e)) return true;
  if (e.visibility === 'private') return false;
  if (e.visibility === 'internal') return INTERNAL_READERS.includes(actor.role);
  return true;
}

/**
 * The SQL twin of `seesEventDetails` for reads that cannot present a busy slot (a contact's
 * timeline): events the actor sees in full. `ownOfficialIds`: the officials whose account is
 * the actor's.
 */
export function eventDetailsVisible(
  actor: Actor,
  c: { id: SQLWrapper; orgId: SQLWrapper; visibility: SQLWrapper; attendeeUserIds: SQLWrapper },
  ownOfficialIds: readonly string[],
): SQL {
  if (!READ.includes(actor.role)) return sql`false`;
  if (DIARY_KEEPERS.includes(actor.role)) return sql`${c.orgId} = ${actor.orgId}`;
  const levels = [sql`${c.visibility} = 'public'`, sql`${actor.userId}::uuid = any(${c.attendeeUserIds})`];
  if (INTERNAL_READERS.includes(actor.role)) levels.push(sql`${c.visibility} = 'internal'`);
  if (ownOfficialIds.length > 0) {
    levels.push(
      sql`exists (select 1 from agenda_event_officials eo where eo.event_id = ${c.id}
        and eo.official_id = any(${`{${ownOfficialIds.join(',')}}`}::uuid[]))`,
    );
  }
  return sql`(${c.orgId} = ${actor.orgId} and (${sql.join(levels, sql` or `)}))`;
}

/** Keepers write every agenda; an official only events that are on their own agenda alone. */
function canWrite(actor: Actor, e: EventRecord): boolean {
  if (e.orgId !== actor.orgId) return false;
  if (DIARY_KEEPERS.includes(actor.role)) return true;
  return (
    actor.role === 'official' &&
    e.officialUserIds.length > 0 &&
    e.officialUserIds.every((userId) => userId === actor.userId)
  );
}

export const eventPolicy = definePolicy<'update' | 'delete' | 'move' | 'brief', EventRecord>({
  update: canWrite,
  delete: canWrite,
  move: canWrite,
  // The brief is read by whoever sees the event in full.
  brief: seesEventDetails,
});

/** An official may put an event on their own agenda only; keepers on anyone's. */
export function mayPlanFor(actor: Actor, officialUserIds: readonly (string | null)[]): boolean {
  if (DIARY_KEEPERS.includes(actor.role)) return true;
  return actor.role === 'official' && officialUserIds.every((u) => u === actor.userId);
}

export interface BriefRecord extends EventRecord {
  status: 'draft' | 'validated';
}

export const briefPolicy = definePolicy<'update' | 'validate', BriefRecord>({
  // Editing a validated brief sends it back to draft (the command does it).
  update: (actor, b) => seesEventDetails(actor, b) && BRIEF_WRITE.includes(actor.role),
  validate: (actor, b) => seesEventDetails(actor, b) && BRIEF_VALIDATE.includes(actor.role) && b.status === 'draft',
});

export interface InvitationRecord {
  orgId: string;
  status: 'pending' | 'accepted' | 'delegated' | 'declined';
}

const answerable = (actor: Actor, i: InvitationRecord) =>
  i.orgId === actor.orgId && INVITATIONS_ANSWER.includes(actor.role) && i.status === 'pending';

export const invitationPolicy = definePolicy<
  'accept' | 'delegate' | 'decline' | 'letter' | 'markReplySent',
  InvitationRecord
>({
  accept: answerable,
  delegate: answerable,
  decline: answerable,
  letter: (actor, i) => i.orgId === actor.orgId && INVITATIONS_READ.includes(actor.role) && i.status === 'declined',
  // Those who answer invitations post the reply: printing it or saying so marks it sent.
  markReplySent: (actor, i) =>
    i.orgId === actor.orgId && INVITATIONS_ANSWER.includes(actor.role) && i.status === 'declined',
});

export interface FeedRecord {
  orgId: string;
  userId: string;
}

export const feedPolicy = definePolicy<'rotate' | 'delete', FeedRecord>({
  rotate: (actor, f) => f.orgId === actor.orgId && f.userId === actor.userId,
  delete: (actor, f) => f.orgId === actor.orgId && f.userId === actor.userId,
});
