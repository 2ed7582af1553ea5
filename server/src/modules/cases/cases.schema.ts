import type { TConfidentiality } from '@dircab/contracts';
import {
  CASE_KINDS,
  CASE_LINK_KINDS,
  CASE_STATUSES,
  INTERVENTION_OUTCOMES,
  RISK_LEVELS,
} from '@dircab/contracts/cases';
import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/auth.schema';
import { createdAtColumn, idColumn, orgIdColumn, updatedAtColumn } from '../../platform/db/columns';
import { contacts, territories } from '../directory/directory.schema';
import { officials } from '../directory/officials.schema';
import { organisations } from '../org/org.schema';

/**
 * A case (dossier): a matter the cabinet follows, grouping mail, notes, events and tasks.
 * `viewers` is who is named on it (explicit members, owner, team): the confidentiality kernel
 * reads it as the record's `members`, so lists and search filter on it in SQL.
 */
export const cases = pgTable(
  'cases',
  {
    id: idColumn(),
    orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: CASE_KINDS }).notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    status: text('status', { enum: CASE_STATUSES }).notNull().default('open'),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    team: uuid('team').array().notNull().default(sql`'{}'::uuid[]`),
    confidentiality: text('confidentiality').$type<TConfidentiality>().notNull().default('normal'),
    /** People named on the case as the form gave them (the creator always among them). */
    members: uuid('members').array().notNull().default(sql`'{}'::uuid[]`),
    /** members ∪ owner ∪ team: who sees the case whatever its confidentiality. */
    viewers: uuid('viewers').array().notNull().default(sql`'{}'::uuid[]`),
    territoryId: uuid('territory_id').references(() => territories.id, { onDelete: 'set null' }),
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    riskLevel: text('risk_level', { enum: RISK_LEVELS }).notNull().default('low'),
    dueDate: date('due_date'),
    escalatedAt: timestamp('escalated_at', { withTimezone: true, mode: 'date' }),
    escalatedBy: uuid('escalated_by').references(() => users.id, { onDelete: 'set null' }),
    escalationNote: text('escalation_note'),
    // An intervention (kind `intervention`): an official acting with another institution.
    interventionOfficialId: uuid('intervention_official_id').references(() => officials.id, { onDelete: 'set null' }),
    interventionInstitutionContactId: uuid('intervention_institution_contact_id').references(() => contacts.id, {
      onDelete: 'set null',
    }),
    interventionInstitutionName: text('intervention_institution_name'),
    interventionDate: date('intervention_date'),
    interventionObject: text('intervention_object'),
    interventionAnswer: text('intervention_answer'),
    interventionOutcome: text('intervention_outcome', { enum: INTERVENTION_OUTCOMES }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    // The list reads newest first (keyset on id, a UUIDv7: creation order); one index per filter.
    index('cases_org_id_idx').on(t.orgId, t.id.desc()),
    index('cases_org_status_idx').on(t.orgId, t.status, t.id.desc()),
    index('cases_org_kind_idx').on(t.orgId, t.kind, t.id.desc()),
    index('cases_org_owner_idx').on(t.orgId, t.ownerId, t.id.desc()),
    index('cases_org_territory_idx').on(t.orgId, t.territoryId, t.id.desc()),
    index('cases_org_risk_idx').on(t.orgId, t.riskLevel, t.id.desc()),
    index('cases_topics_idx').using('gin', t.topics),
    // Officials and services see the cases they are named on: `viewers @> array[me]`.
    index('cases_viewers_idx').using('gin', t.viewers),
    // The alert feed: open escalated cases, newest escalation first.
    index('cases_org_escalated_idx')
      .on(t.orgId, t.escalatedAt.desc())
      .where(sql`${t.escalatedAt} is not null and ${t.closedAt} is null`),
    // The interventions report reads a period.
    index('cases_org_intervention_date_idx').on(t.orgId, t.interventionDate).where(sql`${t.kind} = 'intervention'`),
  ],
);

/**
 * What a case links to, by kind and id: contacts of the directory, correspondence items, tasks,
 * and (as their modules land) events and notes. One table, so every module plugs in the same way
 * and the timeline reads one place.
 */
export const caseLinks = pgTable(
  'case_links',
  {
    id: idColumn(),
    orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: CASE_LINK_KINDS }).notNull(),
    recordId: uuid('record_id').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex('case_links_case_record_uq').on(t.caseId, t.kind, t.recordId),
    // A case's links newest first (timeline); a record's cases (contact 360°, merge, erasure).
    index('case_links_case_idx').on(t.caseId, t.createdAt.desc(), t.id.desc()),
    index('case_links_record_idx').on(t.orgId, t.kind, t.recordId),
  ],
);
