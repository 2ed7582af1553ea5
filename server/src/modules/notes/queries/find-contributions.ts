import type { TContribution } from '@dircab/contracts';
import { and, asc, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import type { Actor } from '../../../platform/policy/actor';
import { NO_CONTENT_ROLES } from '../../../platform/policy/confidentiality';
import { myServiceId } from '../../tasks/tasks.policy';
import { type NoteRecord, notePolicy, visibleNotes } from '../notes.policy';
import { noteContributions, notes } from '../notes.schema';
import { noteScope } from './find-notes';

export type ContributionRow = typeof noteContributions.$inferSelect & {
  noteTitle: string;
  note: NoteRecord;
  /** The actor is the contributor (the person asked, or a member of the service asked). */
  mine: boolean;
};

/** The contributor: the person asked or a member of the service asked (never group staff nor the admin). */
function contributorCondition(actor: Actor): SQL {
  if (NO_CONTENT_ROLES.includes(actor.role)) return sql`false`;
  return sql`(${noteContributions.userId} = ${actor.userId} or ${noteContributions.serviceId} = ${myServiceId(actor)})`;
}

function selection(actor: Actor) {
  return {
    ...getTableColumns(noteContributions),
    noteTitle: notes.title,
    note: {
      orgId: notes.orgId,
      confidentiality: notes.confidentiality,
      members: notes.members,
      authorId: notes.authorId,
      addresseeId: notes.addresseeId,
      status: notes.status,
    },
    mine: sql<boolean>`coalesce(${contributorCondition(actor)}, false)`,
  };
}

/**
 * Contributions the actor may see: all of a note they see, or the ones asked of them or of
 * their service (a contributor sees their section and the note's title, nothing else).
 */
function visibleContributions(actor: Actor): SQL {
  return sql`(${visibleNotes(actor, noteScope)} or ${contributorCondition(actor)})`;
}

export function presentContribution(actor: Actor, row: ContributionRow): TContribution {
  const writable = row.mine && row.status === 'requested';
  return {
    id: row.id,
    noteId: row.noteId,
    noteTitle: row.noteTitle,
    serviceId: row.serviceId,
    userId: row.userId,
    question: row.question,
    dueDate: row.dueDate,
    bodyHtml: row.bodyHtml,
    status: row.status,
    taskId: row.taskId,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    mergedAt: row.mergedAt?.toISOString() ?? null,
    policies: {
      write: writable,
      submit: writable,
      merge: row.status === 'submitted' && notePolicy.can(actor, 'merge', row.note),
    },
  };
}

export async function findContributions(
  db: Queryable,
  actor: Actor,
  noteId: string,
  id?: string,
  forUpdate = false,
): Promise<ContributionRow[]> {
  const where = [
    eq(noteContributions.orgId, actor.orgId),
    eq(noteContributions.noteId, noteId),
    visibleContributions(actor),
    ...(id ? [eq(noteContributions.id, id)] : []),
  ];
  const query = db
    .select(selection(actor))
    .from(noteContributions)
    .innerJoin(notes, eq(notes.id, noteContributions.noteId))
    .where(and(...where))
    .orderBy(asc(noteContributions.id));
  return forUpdate ? await query.for('update', { of: noteContributions }) : await query;
}

/** One contribution the actor may see, or null (404). */
export async function findContribution(
  db: Queryable,
  actor: Actor,
  noteId: string,
  id: string,
  forUpdate = false,
): Promise<ContributionRow | null> {
  const [row] = await findContributions(db, actor, noteId, id, forUpdate);
  return row ?? null;
}
