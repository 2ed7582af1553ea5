import type { TConfidentiality } from '@dircab/contracts';
import { CONTRIBUTION_STATUSES, NOTE_KINDS, NOTE_STATUSES } from '@dircab/contracts/notes';
import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/auth.schema';
import { createdAtColumn, idColumn, orgIdColumn, updatedAtColumn } from '../../platform/db/columns';
import { services } from '../directory/directory.schema';
import { organisations } from '../org/org.schema';
import { tasks } from '../tasks/tasks.schema';

/**
 * A note (note au maire, briefing, speech…): rich text kept to the letter subset, a circuit
 * from draft to the addressee's answer. `members` is who is named on it (explicit members, the
 * author, the addressee): the confidentiality kernel reads it, so lists and search filter in SQL.
 */
export const notes = pgTable(
  'notes',
  {
    id: idColumn(),
    orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: NOTE_KINDS }).notNull(),
    title: text('title').notNull(),
    addresseeId: uuid('addressee_id').references(() => users.id, { onDelete: 'set null' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    bodyHtml: text('body_html').notNull().default(''),
    status: text('status', { enum: NOTE_STATUSES }).notNull().default('draft'),
    confidentiality: text('confidentiality').$type<TConfidentiality>().notNull().default('normal'),
    members: uuid('members').array().notNull().default(sql`'{}'::uuid[]`),
    caseId: uuid('case_id'),
    /** The number of the newest version row. */
    version: integer('version').notNull().default(1),
    /** A transition closes the current version: the next save opens a new one. */
    transitionedAt: timestamp('transitioned_at', { withTimezone: true, mode: 'date' }),
    returnComment: text('return_comment'),
    transmittedAt: timestamp('transmitted_at', { withTimezone: true, mode: 'date' }),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
    answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'date' }),
    decisionId: uuid('decision_id'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    index('notes_org_id_idx').on(t.orgId, t.id.desc()),
    index('notes_org_status_idx').on(t.orgId, t.status, t.id.desc()),
    index('notes_org_kind_idx').on(t.orgId, t.kind, t.id.desc()),
    // The reading folder: transmitted or read notes of one addressee, newest first, the id
    // breaking ties as the queries order them (so the alert feed reads its first rows, no sort).
    index('notes_org_addressee_idx')
      .on(t.orgId, t.addresseeId, t.status, t.transmittedAt.desc(), t.id.desc())
      .where(sql`${t.status} in ('transmitted', 'read', 'answered')`),
    index('notes_members_idx').using('gin', t.members),
  ],
);

/** The body as saved, one row per version (a new one per person and after each transition). */
export const noteVersions = pgTable(
  'note_versions',
  {
    id: idColumn(),
    orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
    noteId: uuid('note_id')
      .notNull()
      .references(() => notes.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    bodyHtml: text('body_html').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [uniqueIndex('note_versions_note_number_uq').on(t.noteId, t.number)],
);

/** A section asked of a service or a person: a task follows it until submitted. */
export const noteContributions = pgTable(
  'note_contributions',
  {
    id: idColumn(),
    orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
    noteId: uuid('note_id')
      .notNull()
      .references(() => notes.id, { onDelete: 'cascade' }),
    serviceId: uuid('service_id').references(() => services.id, { onDelete: 'set null' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    question: text('question').notNull(),
    dueDate: date('due_date').notNull(),
    bodyHtml: text('body_html').notNull().default(''),
    status: text('status', { enum: CONTRIBUTION_STATUSES }).notNull().default('requested'),
    taskId: uuid('task_id').references(() => tasks.id, { onDelete: 'set null' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    mergedAt: timestamp('merged_at', { withTimezone: true, mode: 'date' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    index('note_contributions_note_idx').on(t.noteId, t.id),
    index('note_contributions_org_service_idx').on(t.orgId, t.serviceId),
    index('note_contributions_org_user_idx').on(t.orgId, t.userId),
  ],
);

/** A comment of the reader anchored to a quote of the note. */
export const noteAnnotations = pgTable(
  'note_annotations',
  {
    id: idColumn(),
    orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
    noteId: uuid('note_id')
      .notNull()
      .references(() => notes.id, { onDelete: 'cascade' }),
    quote: text('quote').notNull(),
    comment: text('comment').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAtColumn(),
  },
  (t) => [index('note_annotations_note_idx').on(t.noteId, t.id)],
);

/** The organisation's note templates (a body to start from, optionally for one kind). */
export const noteTemplates = pgTable(
  'note_templates',
  {
    id: idColumn(),
    orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind', { enum: NOTE_KINDS }),
    bodyHtml: text('body_html').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [index('note_templates_org_idx').on(t.orgId, t.id)],
);
