import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../app/api/http';
import { endKeepingDuration, eventFieldErrors, initialValues, toPayload, validateTiming } from './event-form-values';
import { fromRrule, NO_RECURRENCE, toRrule } from './simple-rrule';

describe('the recurrence picker’s rules', () => {
  it('writes weekly days, until a day or a number of times, and reads them back', () => {
    const weekly = { ...NO_RECURRENCE, frequency: 'weekly' as const, weekdays: ['WE' as const, 'MO' as const] };
    expect(toRrule(weekly)).toBe('FREQ=WEEKLY;BYDAY=MO,WE');
    expect(toRrule({ ...weekly, end: 'until', until: '2027-06-30' })).toBe(
      'FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20270630T235959Z',
    );
    expect(toRrule({ ...NO_RECURRENCE, frequency: 'monthly', interval: 2, end: 'count', count: 6 })).toBe(
      'FREQ=MONTHLY;INTERVAL=2;COUNT=6',
    );
    expect(toRrule(NO_RECURRENCE)).toBeNull();
    expect(fromRrule('RRULE:FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20270630T235959Z')).toMatchObject({
      frequency: 'weekly',
      weekdays: ['MO', 'WE'],
      end: 'until',
      until: '2027-06-30',
      custom: null,
    });
  });

  it('keeps a rule it cannot show as written', () => {
    const r = fromRrule('FREQ=MONTHLY;BYDAY=1MO');
    expect(r.custom).toBe('FREQ=MONTHLY;BYDAY=1MO');
    expect(toRrule(r)).toBe('FREQ=MONTHLY;BYDAY=1MO');
  });
});

describe('the event form', () => {
  const defaults = { day: '2026-11-24', minutes: 18 * 60, officialIds: ['o1'] };

  it('sends times with the organisation’s offset and all-day events by their days', () => {
    const v = { ...initialValues(undefined, defaults, 'Pacific/Noumea'), title: ' Vœux ' };
    expect(toPayload(v, 'Pacific/Noumea')).toMatchObject({
      title: 'Vœux',
      allDay: false,
      start: '2026-11-24T18:00:00+11:00',
      end: '2026-11-24T19:00:00+11:00',
      recurrence: null,
    });
    expect(toPayload({ ...v, allDay: true, endDay: '2026-11-25' }, 'Pacific/Noumea')).toMatchObject({
      allDay: true,
      startDate: '2026-11-24',
      endDate: '2026-11-25',
    });
    // One occurrence leaves the series' rule alone.
    expect(toPayload(v, 'Pacific/Noumea', { scope: 'occurrence' })).not.toHaveProperty('recurrence');
  });

  it('moves the end with the start, the duration kept', () => {
    const v = initialValues(undefined, defaults, 'Pacific/Noumea');
    expect(endKeepingDuration(v, '09:15')).toBe('10:15');
    expect(endKeepingDuration(v, '23:30')).toBe('23:59');
    // Over several days the end stays where it was.
    expect(endKeepingDuration({ ...v, endDay: '2026-11-25' }, '09:15')).toBe('19:00');
  });

  it('refuses an end before the start before asking the server', () => {
    const v = initialValues(undefined, defaults, 'Pacific/Noumea');
    expect(validateTiming({ ...v, endTime: '17:00' })).toEqual({ endTime: 'agenda.form.errors.endBeforeStart' });
    expect(validateTiming(v)).toEqual({});
  });

  it('puts the server’s errors at the fields they concern', () => {
    const error = new ApiError(400, {
      type: 'about:blank',
      title: 'Requête invalide',
      status: 400,
      errors: [
        { path: 'body.end', message: 'La fin doit suivre le début.' },
        { path: 'body.recurrence.rrule', message: 'Règle de répétition invalide.' },
        { path: 'body.officialIds[0]', message: 'Élu inconnu.' },
      ],
    });
    expect(eventFieldErrors(error)).toEqual({
      endTime: 'La fin doit suivre le début.',
      'recurrence.frequency': 'Règle de répétition invalide.',
      officialIds: 'Élu inconnu.',
    });
  });
});
