import type { THolidaySettings } from '@dircab/contracts';
import { eq } from 'drizzle-orm';
import { calendarFromSettings, holidaysOfYear } from '../../../../platform/calendar/organisation-calendar';
import { organisationCalendars } from '../../../../platform/calendar/organisation-calendar.schema';
import type { Queryable } from '../../../../platform/db/client';
import { problems } from '../../../../platform/errors/problem';
import type { Actor } from '../../../../platform/policy/actor';
import { organisations } from '../../../org/org.schema';
import { holidaySettingsPolicy } from '../follow-up.policy';

/**
 * The organisation's holiday calendar as saved, or as derived from its time zone and official
 * code when nothing is saved; with a year, that year's days off.
 */
export async function findHolidaySettings(db: Queryable, actor: Actor, year?: number): Promise<THolidaySettings> {
  const [row] = await db
    .select({ org: organisations, saved: organisationCalendars })
    .from(organisations)
    .leftJoin(organisationCalendars, eq(organisationCalendars.orgId, organisations.id))
    .where(eq(organisations.id, actor.orgId));
  if (!row) throw problems.notFound();
  const calendar = calendarFromSettings(row.org, row.saved);
  return {
    country: calendar.country,
    region: calendar.region ?? null,
    closedDays: (calendar.closedDays ?? []).map((c) => ({ date: c.date, label: c.label, everyYear: c.everyYear })),
    source: row.saved ? 'saved' : 'default',
    ...(year !== undefined ? { year, days: holidaysOfYear(calendar, year) } : {}),
    policies: holidaySettingsPolicy.policiesFor(actor, { orgId: actor.orgId }),
  };
}
