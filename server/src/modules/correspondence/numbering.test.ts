import { numberFormatsNeverCollide, ZNumberingSettings } from '@dircab/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_NUMBER_FORMATS, formatRegistrationNumber } from './numbering';

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

  it('must carry one year and one sequence, and incoming and outgoing must never meet', () => {
    const check = (incomingFormat: string, outgoingFormat: string) =>
      ZNumberingSettings.safeParse({ incomingFormat, outgoingFormat });
    expect(check('{year}-A-{seq:6}', '{year}-D-{seq:6}').success).toBe(true);
    expect(check('ARR/{year}/{seq}', 'DEP/{year}/{seq}').success).toBe(true);
    const noSeq = check('{year}-A', '{year}-D-{seq:6}');
    expect(noSeq.error?.issues[0]?.path).toEqual(['incomingFormat']);
    expect(noSeq.error?.issues[0]?.message).toMatch(/\{seq\}/);
    expect(check('{seq}', '{year}-D-{seq}').success).toBe(false);
    expect(check('{year}-{seq}-{oops}', '{year}-D-{seq}').success).toBe(false);
    // Same shape, or the difference only where the other has the year or the sequence.
    expect(check('{year}-A-{seq}', '{year}-A-{seq}').error?.issues[0]?.path).toEqual(['outgoingFormat']);
    expect(check('A-{year}-{seq}', 'A-{year}-1{seq}').success).toBe(false);
    expect(check('1{year}-{seq}', '{year}1-{seq}').success).toBe(false);
  });

  it('formats accepted as never meeting give distinct numbers for any years and sequences', () => {
    const literal = fc.constantFrom('A', 'D', '-', '/', '1', 'X');
    const format = fc
      .tuple(
        fc.array(literal, { maxLength: 3 }),
        fc.array(literal, { maxLength: 3 }),
        fc.array(literal, { maxLength: 3 }),
        fc.boolean(),
        fc.constantFrom('{seq}', '{seq:3}', '{seq:6}'),
      )
      .map(([a, b, c, yearFirst, seq]) =>
        yearFirst
          ? `${a.join('')}{year}${b.join('')}${seq}${c.join('')}`
          : `${a.join('')}${seq}${b.join('')}{year}${c.join('')}`,
      );
    const year = fc.integer({ min: 2000, max: 2099 });
    const seq = fc.integer({ min: 1, max: 2_000_000 });
    fc.assert(
      fc.property(format, format, year, seq, year, seq, (fa, fb, ya, sa, yb, sb) => {
        fc.pre(numberFormatsNeverCollide(fa, fb));
        expect(formatRegistrationNumber(fa, ya, sa)).not.toBe(formatRegistrationNumber(fb, yb, sb));
      }),
      { numRuns: 2000 },
    );
  });

  it('never give two sequences of one year the same number under one format', () => {
    const format = fc.constantFrom('{year}-A-{seq}', '{seq}/{year}', 'X{seq:6}{year}', '{year}{seq}');
    fc.assert(
      fc.property(
        format,
        fc.integer({ min: 2000, max: 2099 }),
        fc.integer({ min: 1, max: 9_999_999 }),
        fc.integer({ min: 1, max: 9_999_999 }),
        fc.integer({ min: 2000, max: 2099 }),
        (f, y, a, b, y2) => {
          fc.pre(a !== b || y !== y2);
          expect(formatRegistrationNumber(f, y, a)).not.toBe(formatRegistrationNumber(f, y2, b));
        },
      ),
    );
  });
});
