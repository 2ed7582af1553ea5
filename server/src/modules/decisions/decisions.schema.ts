import type { TConfidentiality } from '@dircab/contracts';
import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/auth.schema';
import { createdAtColumn, idColumn, orgIdColumn, updatedAtColumn } from '../../platform/db/columns';
import { organisations } from '../org/org.schema';

/**
 * A decision (arbitrage): what was decided, by whom, when, on which note or case. Its follow-up
 * actions are tasks linked to it (`tasks.link_kind = 'decision'`): progress and "done" are read
 * from them, never stored twice. Confidentiality and people as the note's (or its own).
 */
export const decisions = pgTable(
  'decisions',
  {
    id: idColumn(),
    orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    detail: text('detail').notNull().default(''),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedOn: date('decided_on').notNull(),
    noteId: uuid('note_id'),
    caseId: uuid('case_id'),
    confidentiality: text('confidentiality').$type<TConfidentiality>().notNull().default('normal'),
    members: uuid('members').array().notNull().default(sql`'{}'::uuid[]`),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    index('decisions_org_id_idx').on(t.orgId, t.id.desc()),
    index('decisions_org_note_idx').on(t.orgId, t.noteId),
    // A case's timeline: its decisions, newest first (registerDecisionCaseLink).
    index('decisions_org_case_idx').on(t.orgId, t.caseId, t.id.desc()),
    index('decisions_members_idx').using('gin', t.members),
  ],
);
