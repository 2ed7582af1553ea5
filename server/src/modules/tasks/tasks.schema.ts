import type { TConfidentiality } from '@dircab/contracts';
import { TASK_LINK_KINDS, TASK_STATUSES } from '@dircab/contracts/tasks';
import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/auth.schema';
import { createdAtColumn, idColumn, orgIdColumn, updatedAtColumn } from '../../platform/db/columns';
import { services } from '../directory/directory.schema';
import { organisations } from '../org/org.schema';

/** The order of every task list: by due date (none last), then creation. */
export const taskDueKey = (t: { dueDate: unknown }) => sql`coalesce(${t.dueDate}, 'infinity'::date)`;

/**
 * A task: something a person or a service must do, by a date, often about another record
 * (`link_kind`, `link_id`). The linked record's confidentiality and named people are copied
 * (`confidentiality`, `members`) so lists filter in SQL like every other query; the linking
 * module refreshes them when the record's own change.
 */
export const tasks = pgTable(
  'tasks',
  {
    id: idColumn(),
    orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    assigneeUserId: uuid('assignee_user_id').references(() => users.id, { onDelete: 'set null' }),
    assigneeServiceId: uuid('assignee_service_id').references(() => services.id, { onDelete: 'set null' }),
    dueDate: date('due_date'),
    status: text('status', { enum: TASK_STATUSES }).notNull().default('todo'),
    linkKind: text('link_kind', { enum: TASK_LINK_KINDS }),
    linkId: uuid('link_id'),
    confidentiality: text('confidentiality').$type<TConfidentiality>().notNull().default('normal'),
    members: uuid('members').array().notNull().default(sql`'{}'::uuid[]`),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    // One index per view, each in the lists' order (due date, none last, then id).
    index('tasks_org_due_idx').on(t.orgId, taskDueKey(t), t.id),
    index('tasks_org_assignee_idx').on(t.orgId, t.assigneeUserId, taskDueKey(t), t.id),
    index('tasks_org_service_idx').on(t.orgId, t.assigneeServiceId, taskDueKey(t), t.id),
    index('tasks_org_creator_idx').on(t.orgId, t.createdBy, taskDueKey(t), t.id),
    // Overdue and reminders: open tasks with a due date.
    index('tasks_org_open_due_idx')
      .on(t.orgId, t.dueDate, t.id)
      .where(sql`${t.status} in ('todo', 'in_progress') and ${t.dueDate} is not null`),
    index('tasks_org_link_idx').on(t.orgId, t.linkKind, t.linkId),
    index('tasks_members_idx').using('gin', t.members),
  ],
);
