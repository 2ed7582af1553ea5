import type { THolidaySettingsInput } from '@dircab/contracts';
import { recordAudit } from '../../../../platform/audit/record-audit';
import { organisationCalendars } from '../../../../platform/calendar/organisation-calendar.schema';
import { isKnownHolidayCalendar } from '../../../../platform/calendar/working-days';
import type { Queryable } from '../../../../platform/db/client';
import { problems } from '../../../../platform/errors/problem';
import type { Actor } from '../../../../platform/policy/actor';
import { findHolidaySettings } from '../queries/find-holiday-settings';

/**
 * Saves the organisation's holiday calendar: a date-holidays country or territory (and region)
 * and its own closed days. Due dates computed from now on count them; dates already given stay.
 * Audited.
 */
export async function updateHolidaySettings(tx: Queryable, actor: Actor, input: THolidaySettingsInput): Promise<void> {
  if (!isKnownHolidayCalendar(input.country)) {
    throw problems.badRequest('Le calendrier est invalide.', [
      { path: 'country', message: `Aucun calendrier des jours fériés pour « ${input.country} ».`, code: 'unknown' },
    ]);
  }
  if (input.region && !isKnownHolidayCalendar(input.country, input.region)) {
    throw problems.badRequest('Le calendrier est invalide.', [
      { path: 'region', message: `La région « ${input.region} » n’existe pas pour ${input.country}.`, code: 'unknown' },
    ]);
  }
  // The same day twice (once, or every year on its day and month) would be one day off, not two.
  input.closedDays.forEach((c, i) => {
    const twice = input.closedDays
      .slice(0, i)
      .some((p) => p.date === c.date || ((p.everyYear || c.everyYear) && p.date.slice(5) === c.date.slice(5)));
    if (twice) {
      throw problems.badRequest('Le calendrier est invalide.', [
        { path: `closedDays.${i}.date`, message: 'Ce jour de fermeture figure déjà dans la liste.', code: 'duplicate' },
      ]);
    }
  });
  const before = await findHolidaySettings(tx, actor);
  const values = { country: input.country, region: input.region, closedDays: input.closedDays };
  await tx
    .insert(organisationCalendars)
    .values({ orgId: actor.orgId, ...values })
    .onConflictDoUpdate({ target: organisationCalendars.orgId, set: { ...values, updatedAt: new Date() } });
  await recordAudit(tx, actor, {
    action: 'settings.holidays_update',
    recordType: 'organisation_calendar',
    recordId: actor.orgId,
    summary: {
      before: { country: before.country, region: before.region, closedDays: before.closedDays, source: before.source },
      after: values,
    },
  });
}
