import { describe, expect, it } from 'vitest';
import { calendarFromSettings, holidaysOfYear } from './organisation-calendar';
import { addWorkingDays, calendarForOrganisation, isKnownHolidayCalendar, isWorkingDay } from './working-days';

describe('organisation calendars', () => {
  it('derives the overseas territories from their time zone', () => {
    const of = (timeZone: string, officialCode = '00000') => calendarForOrganisation({ officialCode, timeZone });
    expect(of('Pacific/Noumea')).toMatchObject({ country: 'NC' });
    expect(of('Europe/Paris', '55029')).toEqual({ country: 'FR', timeZone: 'Europe/Paris' });
    expect(of('Pacific/Tahiti')).toMatchObject({ country: 'PF' });
    expect(of('Pacific/Wallis')).toMatchObject({ country: 'WF' });
    expect(of('Indian/Reunion')).toMatchObject({ country: 'FR', region: 'RE' });
    expect(of('America/Cayenne')).toMatchObject({ country: 'FR', region: 'GF' });
    // Every derived calendar is one date-holidays knows.
    for (const zone of ['Pacific/Tahiti', 'Pacific/Wallis', 'America/Miquelon', 'Indian/Mayotte', 'America/Marigot']) {
      const c = of(zone);
      expect(isKnownHolidayCalendar(c.country, c.region)).toBe(true);
    }
  });

  it('keeps the derived calendar until settings are saved, then theirs', () => {
    const org = { officialCode: '98817', timeZone: 'Pacific/Noumea' };
    expect(calendarFromSettings(org, null)).toEqual({ country: 'NC', timeZone: 'Pacific/Noumea' });
    const saved = calendarFromSettings(org, {
      country: 'NC',
      region: null,
      closedDays: [{ date: '2026-03-19', label: 'Saint-Joseph', everyYear: true }],
    });
    expect(isWorkingDay('2027-03-19', saved)).toBe(false);
    expect(isWorkingDay('2027-03-19', calendarFromSettings(org, null))).toBe(true);
  });

  it('counts a one-off closed day in its year only, an every-year one each year, 29 February in leap years', () => {
    const calendar = {
      country: 'FR',
      timeZone: 'Europe/Paris',
      closedDays: [
        { date: '2026-06-05', label: 'Pont', everyYear: false },
        { date: '2024-02-29', label: 'Jour bissextile', everyYear: true },
      ],
    };
    expect(isWorkingDay('2026-06-05', calendar)).toBe(false);
    expect(isWorkingDay('2027-06-04', calendar)).toBe(true);
    // Thursday 4 June 2026 at noon in Paris: the next working day skips Friday 5th.
    expect(addWorkingDays(new Date('2026-06-04T10:00:00Z'), 1, calendar)).toBe('2026-06-08');
    expect(holidaysOfYear(calendar, 2028).filter((d) => d.kind === 'closed')).toEqual([
      { date: '2028-02-29', name: 'Jour bissextile', kind: 'closed' },
    ]);
    expect(holidaysOfYear(calendar, 2027).filter((d) => d.kind === 'closed')).toEqual([]);
    const days = holidaysOfYear(calendar, 2026);
    expect(days.map((d) => d.date)).toEqual([...days.map((d) => d.date)].sort());
    expect(days).toContainEqual({ date: '2026-07-14', name: 'Fête Nationale de la France', kind: 'public' });
  });
});

describe('local times', () => {
  it('finds the instant of 07:00 in Nouméa and in Paris across daylight saving', async () => {
    const { instantAt, nextWorkingDay } = await import('./working-days');
    expect(instantAt('2026-10-08', 7, 'Pacific/Noumea').toISOString()).toBe('2026-10-07T20:00:00.000Z');
    expect(instantAt('2026-03-29', 7, 'Europe/Paris').toISOString()).toBe('2026-03-29T05:00:00.000Z');
    expect(instantAt('2026-01-15', 7, 'Europe/Paris').toISOString()).toBe('2026-01-15T06:00:00.000Z');
    const noumea = { country: 'NC', timeZone: 'Pacific/Noumea' };
    expect(nextWorkingDay('2026-10-02', noumea)).toBe('2026-10-05');
    expect(nextWorkingDay('2026-09-23', noumea)).toBe('2026-09-25');
  });
});
