import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  addWorkingDays,
  calendarForOrganisation,
  type HolidayCalendar,
  isWorkingDay,
  localDate,
  localYear,
} from './working-days';

const NOUMEA: HolidayCalendar = { country: 'NC', timeZone: 'Pacific/Noumea' };
const MEUSE: HolidayCalendar = { country: 'FR', timeZone: 'Europe/Paris' };

/** Instants from 2020 to 2035, to the minute. */
const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 11, 31) }).map((ms) => new Date(ms));
const calendar = fc.constantFrom(NOUMEA, MEUSE);

const nextDay = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

describe('working days', () => {
  it('knows New Caledonia’s Fête de la citoyenneté (24 September) and not the Meuse', () => {
    expect(isWorkingDay('2026-09-24', NOUMEA)).toBe(false);
    expect(isWorkingDay('2026-09-24', MEUSE)).toBe(true);
    expect(isWorkingDay('2026-07-14', NOUMEA)).toBe(false);
    expect(isWorkingDay('2026-07-14', MEUSE)).toBe(false);
    // Pentecost Sunday is an observance, Whit Monday the day off.
    expect(isWorkingDay('2026-05-25', MEUSE)).toBe(false);
  });

  it('counts from the day in the organisation’s time zone', () => {
    // 22 September 21:00 UTC is the 23rd at 08:00 in Nouméa: one working day after is the 25th.
    expect(addWorkingDays(new Date('2026-09-22T21:00:00Z'), 1, NOUMEA)).toBe('2026-09-25');
    expect(addWorkingDays(new Date('2026-09-22T21:00:00Z'), 1, MEUSE)).toBe('2026-09-23');
    expect(localYear(new Date('2026-12-31T14:00:00Z'), 'Pacific/Noumea')).toBe(2027);
    expect(localYear(new Date('2026-12-31T14:00:00Z'), 'Europe/Paris')).toBe(2026);
  });

  it('always lands on a working day, after the start', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 60 }), calendar, (from, n, cal) => {
        const due = addWorkingDays(from, n, cal);
        expect(isWorkingDay(due, cal)).toBe(true);
        expect(due >= localDate(from, cal.timeZone)).toBe(true);
      }),
    );
  });

  it('has exactly n working days between the start (excluded) and the due date (included)', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 40 }), calendar, (from, n, cal) => {
        const due = addWorkingDays(from, n, cal);
        let count = 0;
        for (let d = nextDay(localDate(from, cal.timeZone)); d <= due; d = nextDay(d)) {
          if (isWorkingDay(d, cal)) count += 1;
        }
        expect(count).toBe(n);
      }),
    );
  });

  // From n = 1 on: n = 0 moves a non-working start forward, which a sum of delays does not.
  it('is monotonic in n and additive: n + m days is m days after the n-th', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        calendar,
        (from, n, m, cal) => {
          const a = addWorkingDays(from, n, cal);
          const b = addWorkingDays(from, n + m, cal);
          expect(b >= a).toBe(true);
          expect(addWorkingDays(new Date(`${a}T12:00:00Z`), m, { ...cal, timeZone: 'UTC' })).toBe(b);
        },
      ),
    );
  });
});

describe('delays in months (CRPA L.231-1: two months of silence)', () => {
  it('keeps the day number, or the month’s last day when it has none', () => {
    expect(addMonths(new Date('2026-09-22T21:00:00Z'), 2, 'Pacific/Noumea')).toBe('2026-11-23');
    expect(addMonths(new Date('2026-12-31T10:00:00Z'), 2, 'Europe/Paris')).toBe('2027-02-28');
    expect(addMonths(new Date('2027-12-31T10:00:00Z'), 2, 'Europe/Paris')).toBe('2028-02-29');
  });

  it('lands in the month `months` later, never before the start', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 24 }), (from, months) => {
        const start = localDate(from, 'Pacific/Noumea');
        const end = addMonths(from, months, 'Pacific/Noumea');
        const [sy, sm] = start.split('-').map(Number) as [number, number];
        const [ey, em] = end.split('-').map(Number) as [number, number];
        expect(ey * 12 + em - (sy * 12 + sm)).toBe(months);
        expect(end >= start).toBe(true);
      }),
    );
  });
});

describe('an organisation’s calendar', () => {
  it('is New Caledonia for a 988xx commune, France (with Moselle’s days) elsewhere', () => {
    expect(calendarForOrganisation({ officialCode: '98817', timeZone: 'Pacific/Noumea' }).country).toBe('NC');
    expect(calendarForOrganisation({ officialCode: '55', timeZone: 'Europe/Paris' })).toEqual({
      country: 'FR',
      timeZone: 'Europe/Paris',
    });
    expect(calendarForOrganisation({ officialCode: '57463', timeZone: 'Europe/Paris' }).region).toBe('57');
    // Good Friday is a day off in Moselle only.
    expect(
      isWorkingDay('2026-04-03', calendarForOrganisation({ officialCode: '57463', timeZone: 'Europe/Paris' })),
    ).toBe(false);
    expect(isWorkingDay('2026-04-03', MEUSE)).toBe(true);
  });
});
