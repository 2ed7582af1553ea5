import type { THoliday } from '@dircab/contracts';
import { eq } from 'drizzle-orm';
import { organisations } from '../../modules/org/org.schema';
import type { Queryable } from '../db/client';
import { problems } from '../errors/problem';
import { organisationCalendars } from './organisation-calendar.schema';
import { calendarForOrganisation, type HolidayCalendar, publicHolidaysOf } from './working-days';

export type OrganisationCalendarRow = typeof organisationCalendars.$inferSelect;

/**
 * The working calendar of an organisation, as due dates and reminders count working days:
 * its saved settings (country or territory, region, own closed days) when it has some,
 * otherwise the calendar derived from its official code and time zone.
 */
export async function workingCalendarOf(db: Queryable, orgId: string): Promise<HolidayCalendar> {
  const [row] = await db
    .select({
      timeZone: organisations.timeZone,
      officialCode: organisations.officialCode,
      country: organisationCalendars.country,
      region: organisationCalendars.region,
      closedDays: organisationCalendars.closedDays,
    })
    .from(organisations)
    .leftJoin(organisationCalendars, eq(organisationCalendars.orgId, organisations.id))
    .where(eq(organisations.id, orgId));
  if (!row) throw problems.notFound();
  return calendarFromSettings({ timeZone: row.timeZone, officialCode: row.officialCode }, row);
}

/** The calendar from the organisation and its saved settings (null: the derived default). */
export function calendarFromSettings(
  org: { officialCode: string; timeZone: string },
  saved: { country: string | null; region: string | null; closedDays: HolidayCalendar['closedDays'] | null } | null,
): HolidayCalendar {
  if (!saved?.country) return calendarForOrganisation(org);
  return {
    country: saved.country,
    region: saved.region ?? undefined,
    timeZone: org.timeZone,
    closedDays: saved.closedDays ?? [],
  };
}

/** A year's days off on weekdays or not: the public holidays and the organisation's closed days, by date. */
export function holidaysOfYear(calendar: HolidayCalendar, year: number): THoliday[] {
  const days: THoliday[] = publicHolidaysOf(calendar, year).map((h) => ({ ...h, kind: 'public' }));
  for (const c of calendar.closedDays ?? []) {
    const date = c.everyYear ? `${year}${c.date.slice(4)}` : c.date;
    // A 29 February every year exists in leap years only.
    if (!date.startsWith(String(year)) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) continue;
    if (new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) continue;
    days.push({ date, name: c.label, kind: 'closed' });
  }
  return days.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
}
