import { BRIEF_STATUSES, EVENT_KINDS, EVENT_VISIBILITIES, INVITATION_STATUSES } from '@dircab/contracts/agenda';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/auth.schema';
import { createdAtColumn, idColumn, orgIdColumn, updatedAtColumn } from '../../platform/db/columns';
import { contacts, territories } from '../directory/directory.schema';
import { officials } from '../directory/officials.schema';
import { organisations } from '../org/org.schema';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Events of the officials' agendas. A timed event keeps its UTC instants and the zone it was
 * planned in; an all-day event its days, and the instants of their bounds in that zone (so one
 * range query serves both). A series carries its RRULE and EXDATEs; a moved or cancelled
 * occurrence is a child row (`series_id`, `recurrence_id` = the occurrence's original start).
 */
export const agendaEvents = pgTable(
  'agenda_events',
  {
    id: idColumn(),
    orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
    seriesId: uuid('series_id').references((): AnyPgColumn => agendaEvents.id, { onDelete: 'cascade' }),
    recurrenceId: instant('recurrence_id'),
    cancelled: boolean('cancelled').notNull().default(false),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    kind: text('kind', { enum: EVENT_KINDS }).notNull(),
    visibility: text('visibility', { enum: EVENT_VISIBILITIES }).notNull(),
    allDay: boolean('all_day').notNull().default(false),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    timeZone: text('time_zone').notNull(),
    placeLabel: text('place_label'),
    placeAddress: text('place_address'),
    placeLat: doublePrecision('place_lat'),
    placeLon: doublePrecision('place_lon'),
    attendeeOfficialIds: uuid('attendee_official_ids').array().notNull().default(sql`'{}'::uuid[]`),
    attendeeUserIds: uuid('attendee_user_ids').array().notNull().default(sql`'{}'::uuid[]`),
    attendeeContactIds: uuid('attendee_contact_ids').array().notNull().default(sql`'{}'::uuid[]`),
    reminders: integer('reminders').array().notNull().default(sql`'{}'::integer[]`),
    rrule: text('rrule'),
    exdates: instant('exdates').array().notNull().default(sql`'{}'::timestamptz[]`),
    /** End of the series' last occurrence; null while it never ends. */
    seriesEndsAt: instant('series_ends_at'),
    /** The official this event represents (« représente le Maire »). */
    representingOfficialId: uuid('representing_official_id').references(() => officials.id, { onDelete: 'set null' }),
    invitationId: uuid('invitation_id'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    // The period list without an official filter: bounded back by the longest event.
    index('agenda_events_org_start_idx').on(t.orgId, t.startsAt),
    // Series are few: read all of an organisation's, then expanded in memory.
    index('agenda_events_org_series_idx').on(t.orgId).where(sql`${t.rrule} is not null`),
    uniqueIndex('agenda_events_occurrence_uq').on(t.seriesId, t.recurrenceId),
    index('agenda_events_representation_idx')
      .on(t.orgId, t.startsAt)
      .where(sql`${t.representingOfficialId} is not null`),
    // A contact's 360° timeline and their personal data: the events naming them (`&&`, `@>`).
    index('agenda_events_attendee_contacts_idx').using('gin', t.attendeeContactIds),
  ],
);

/**
 * A stamp of the organisation's officials as the agenda reads them (officials, their mandates,
 * political groups, the officials' contacts): database triggers (migration
 * 0030_agenda_officials_version_triggers) give it a new random value at the commit of any change,
 * whoever writes it, so a process keeps its officials index in memory only while the stamp
 * read from the database is the one it was built under. No row: never changed since the migration.
 */
export const agendaOfficialsVersions = pgTable('agenda_officials_versions', {
  orgId: uuid('org_id').primaryKey(),
  version: uuid('version').notNull(),
});

/**
 * Whose agenda an event is on, with the event's bounds copied so that an official's week is
 * one range scan of (org, official, start): it does not get slower as the years pile up.
 */
export const agendaEventOfficials = pgTable(
  'agenda_event_officials',
  {
    orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id')
      .notNull()
      .references(() => agendaEvents.id, { onDelete: 'cascade' }),
    officialId: uuid('official_id')
      .notNull()
      .references(() => officials.id, { onDelete: 'cascade' }),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    recurring: boolean('recurring').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.officialId] }),
    index('agenda_event_officials_week_idx').on(t.orgId, t.officialId, t.startsAt),
    index('agenda_event_officials_series_idx').on(t.orgId, t.officialId).where(sql`${t.recurring}`),
  ],
);

/** Per-organisation agenda settings; no row means the defaults. */
export const agendaSettings = pgTable('agenda_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  travelMinutes: integer('travel_minutes').notNull().default(30),
  updatedAt: updatedAtColumn(),
});

/** The trip brief (fiche de déplacement) of an event. */
export const agendaBriefs = pgTable('agenda_briefs', {
  eventId: uuid('event_id')
    .primaryKey()
    .references(() => agendaEvents.id, { onDelete: 'cascade' }),
  orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
  status: text('status', { enum: BRIEF_STATUSES }).notNull().default('draft'),
  talkingPoints: text('talking_points').notNull().default(''),
  driver: text('driver'),
  gift: text('gift'),
  logistics: text('logistics').notNull().default(''),
  protocolRemarks: text('protocol_remarks').notNull().default(''),
  /** The neighbourhood the event is in: its open requests are recalled on the brief. */
  territoryId: uuid('territory_id').references(() => territories.id, { onDelete: 'set null' }),
  validatedBy: uuid('validated_by').references(() => users.id, { onDelete: 'set null' }),
  validatedAt: instant('validated_at'),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAtColumn(),
  updatedAt: updatedAtColumn(),
});

/** Invitations received, until answered: accepted, delegated (representation) or declined. */
export const agendaInvitations = pgTable(
  'agenda_invitations',
  {
    id: idColumn(),
    orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    organiserContactId: uuid('organiser_contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    organiserName: text('organiser_name').notNull(),
    kind: text('kind', { enum: EVENT_KINDS }).notNull().default('ceremony'),
    allDay: boolean('all_day').notNull().default(false),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    timeZone: text('time_zone').notNull(),
    placeLabel: text('place_label'),
    placeAddress: text('place_address'),
    placeLat: doublePrecision('place_lat'),
    placeLon: doublePrecision('place_lon'),
    answerBy: date('answer_by', { mode: 'string' }).notNull(),
    /** The invitation as registered incoming mail (correspondence module; no cross-module key). */
    correspondenceItemId: uuid('correspondence_item_id'),
    /** The day the invitation reached the cabinet (the incoming letter's, when registered). */
    receivedOn: date('received_on', { mode: 'string' }),
    notes: text('notes').notNull().default(''),
    status: text('status', { enum: INVITATION_STATUSES }).notNull().default('pending'),
    eventId: uuid('event_id').references(() => agendaEvents.id, { onDelete: 'set null' }),
    delegatedOfficialId: uuid('delegated_official_id').references(() => officials.id, { onDelete: 'set null' }),
    declineReason: text('decline_reason'),
    /** The reply declining it, registered as outgoing mail (correspondence module; no cross-module key). */
    replyItemId: uuid('reply_item_id'),
    answeredBy: uuid('answered_by').references(() => users.id, { onDelete: 'set null' }),
    answeredAt: instant('answered_at'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    // The list: soonest answer-by first, per status (pending and overdue read the same index).
    index('agenda_invitations_org_answer_idx').on(t.orgId, t.answerBy, t.id),
    index('agenda_invitations_org_status_idx').on(t.orgId, t.status, t.answerBy, t.id),
    index('agenda_invitations_correspondence_idx').on(t.orgId, t.correspondenceItemId),
  ],
);

/**
 * Calendar subscriptions: one secret address per user and agenda (their own: official_id
 * null). Only the SHA-256 of the token is kept; the address is shown once.
 */
export const agendaCalendarFeeds = pgTable(
  'agenda_calendar_feeds',
  {
    id: idColumn(),
    orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    officialId: uuid('official_id').references(() => officials.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAtColumn(),
    rotatedAt: instant('rotated_at'),
  },
  (t) => [
    uniqueIndex('agenda_calendar_feeds_token_uq').on(t.tokenHash),
    index('agenda_calendar_feeds_user_idx').on(t.orgId, t.userId),
  ],
);
