import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_NUMBER_FORMATS, formatRegistrationNumber, isValidNumberFormat } from './numbering';

describe('registration number formats', () => {
  it('default to {year}-A-{seq:6} incoming and {year}-D-{seq:6} outgoing', () => {
    expect(formatRegistrationNumber(DEFAULT_NUMBER_FORMATS.in, 2026, 42)).toBe('2026-A-000042');
    expect(formatRegistrationNumber(DEFAULT_NUMBER_FORMATS.out, 2026, 7)).toBe('2026-D-000007');
    expect(formatRegistrationNumber('CAB/{year}/{seq}', 2027, 5)).toBe('CAB/2027/5');
  });

  it('never cut a long sequence and give distinct numbers to distinct sequences', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2100 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        (year, a, b) => {
          const na = formatRegistrationNumber(DEFAULT_NUMBER_FORMATS.in, year, a);
          expect(Number(na.split('-')[2])).toBe(a);
          expect(na === formatRegistrationNumber(DEFAULT_NUMBER_FORMATS.in, year, b)).toBe(a === b);
        },
      ),
    );
  });

  it('must carry the sequence', () => {
    expect(isValidNumberFormat('{year}-A')).toBe(false);
    expect(isValidNumberFormat('{year}-A-{seq:6}')).toBe(true);
  });
});
