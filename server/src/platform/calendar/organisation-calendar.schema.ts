import type { TClosedDay } from '@dircab/contracts';
import { jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../../modules/org/org.schema';
import { updatedAtColumn } from '../db/columns';

/**
 * An organisation's working calendar, when it departs from the one derived from its time zone
 * and official code: another date-holidays country or region, and its own closed days.
 */
export const organisationCalendars = pgTable('organisation_calendars', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  country: text('country').notNull(),
  region: text('region'),
  closedDays: jsonb('closed_days').$type<TClosedDay[]>().notNull().default([]),
  updatedAt: updatedAtColumn(),
});
