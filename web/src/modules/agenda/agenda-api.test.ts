import { describe, expect, it } from 'vitest';
import { occurrenceOf } from './agenda-api';

const SERIES = '0190a000-0000-7000-8000-000000000001';
const OVERRIDE = '0190a000-0000-7000-8000-000000000002';
const START = '2026-11-24T07:00:00.000Z';

describe('which record a change goes to', () => {
  it('names a series’ occurrence by its original start; a changed occurrence is its own record', () => {
    expect(occurrenceOf({ id: SERIES, seriesId: SERIES, recurrenceId: START })).toBe(START);
    expect(occurrenceOf({ id: OVERRIDE, seriesId: SERIES, recurrenceId: START })).toBeNull();
    expect(occurrenceOf({ id: SERIES, seriesId: null, recurrenceId: null })).toBeNull();
  });
});
