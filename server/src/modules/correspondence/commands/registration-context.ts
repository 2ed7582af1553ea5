import type { TCorrespondenceDirection } from '@dircab/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { calendarFromSettings } from '../../../platform/calendar/organisation-calendar';
import { organisationCalendars } from '../../../platform/calendar/organisation-calendar.schema';
import type { HolidayCalendar } from '../../../platform/calendar/working-days';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { organisations } from '../../org/org.schema';
import { correspondenceItemTypes, correspondenceSettings } from '../correspondence.schema';
import { DEFAULT_NUMBER_FORMATS } from '../numbering';
import type { ItemTypeRow } from './item-references';

/** What a registration reads of its organisation before it numbers the item. */
export interface RegistrationContext {
  /** The item's type, null when none was given. */
  type: ItemTypeRow | null;
  /** The register's number format for the direction (numberFormatOf's answer). */
  format: string;
  /** The working calendar its dates count in (workingCalendarOf's answer). */
  calendar: HolidayCalendar;
}

// A type id that matches nothing, when the item has none: the join then finds no type.
const NO_TYPE = '00000000-0000-0000-0000-000000000000';

/**
 * The item's type, the register's format and the organisation's working calendar in one
 * statement (they were three round trips of every registration). A type of another
 * organisation, or none of the id given, is a 400 on `typeId` as itemTypeOf answers it.
 */
export async function registrationContextOf(
  tx: Queryable,
  actor: Actor,
  direction: TCorrespondenceDirection,
  typeId: string | null | undefined,
): Promise<RegistrationContext> {
  const [row] = await tx
    .select({
      timeZone: organisations.timeZone,
      officialCode: organisations.officialCode,
      country: organisationCalendars.country,
      region: organisationCalendars.region,
      closedDays: organisationCalendars.closedDays,
      incomingFormat: correspondenceSettings.incomingFormat,
      outgoingFormat: correspondenceSettings.outgoingFormat,
      type: correspondenceItemTypes,
    })
    .from(organisations)
    .leftJoin(organisationCalendars, eq(organisationCalendars.orgId, organisations.id))
    .leftJoin(correspondenceSettings, eq(correspondenceSettings.orgId, organisations.id))
    .leftJoin(
      correspondenceItemTypes,
      and(
        eq(correspondenceItemTypes.orgId, organisations.id),
        eq(correspondenceItemTypes.id, sql`${typeId ?? NO_TYPE}::uuid`),
      ),
    )
    .where(eq(organisations.id, actor.orgId));
  if (!row) throw problems.notFound();
  if (typeId && !row.type) {
    throw problems.badRequest('Le type de courrier est inconnu.', [
      { path: 'typeId', message: 'Ce type de courrier n’existe pas dans l’organisation.', code: 'unknown_type' },
    ]);
  }
  const saved = direction === 'in' ? row.incomingFormat : row.outgoingFormat;
  return {
    type: typeId ? row.type : null,
    format: saved ?? DEFAULT_NUMBER_FORMATS[direction],
    calendar: calendarFromSettings({ timeZone: row.timeZone, officialCode: row.officialCode }, row),
  };
}
