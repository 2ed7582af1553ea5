import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { defaultRegionFor, normalisePhone } from './phone';

describe('defaultRegionFor', () => {
  it('is New Caledonia in Nouméa time, France elsewhere', () => {
    expect(defaultRegionFor('Pacific/Noumea')).toBe('NC');
    expect(defaultRegionFor('Europe/Paris')).toBe('FR');
    expect(defaultRegionFor(undefined)).toBe('FR');
  });
});

describe('normalisePhone', () => {
  it('reads New Caledonian and French numbers in either region', () => {
    for (const region of ['NC', 'FR'] as const) {
      expect(normalisePhone('+687 28.12.34', region)).toBe('+687281234');
      expect(normalisePhone('06 12 34 56 78', region)).toBe('+33612345678');
      expect(normalisePhone('+33 1 42 76 40 40', region)).toBe('+33142764040');
    }
    expect(normalisePhone('28.12.34', 'NC')).toBe('+687281234');
    expect(normalisePhone('78 12 34', 'FR')).toBe('+687781234');
  });

  it('refuses what is not a phone number', () => {
    for (const bad of ['12', 'abc', '+687 1', '00000000000000', '06 12']) expect(normalisePhone(bad, 'NC')).toBeNull();
  });

  // Six digits make every New Caledonian number; the valid ones must come back the same
  // whatever way they were typed.
  const ncNumber = fc
    .stringMatching(/^[0-9]{6}$/)
    .filter((d) => parsePhoneNumberFromString(d, 'NC')?.isValid() === true);
  const styles = [
    (d: string) => `+687${d}`,
    (d: string) => `+687 ${d.slice(0, 2)}.${d.slice(2, 4)}.${d.slice(4)}`,
    (d: string) => `${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4)}`,
    (d: string) => `${d.slice(0, 2)}.${d.slice(2, 4)}.${d.slice(4)}`,
    (d: string) => `00687 ${d}`,
  ];

  it('round-trips any valid New Caledonian number, however it is written', () => {
    fc.assert(
      fc.property(
        ncNumber,
        fc.constantFrom(...styles),
        fc.constantFrom('NC' as const, 'FR' as const),
        (d, style, region) => {
          const once = normalisePhone(
            style(d),
            region === 'FR' && !style(d).startsWith('+') && !style(d).startsWith('00') ? 'NC' : region,
          );
          expect(once).toBe(`+687${d}`);
          expect(normalisePhone(once as string, region)).toBe(once);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('round-trips any valid French mobile in its national format', () => {
    const frMobile = fc
      .tuple(fc.constantFrom('6', '7'), fc.stringMatching(/^[0-9]{8}$/))
      .map(([a, b]) => `${a}${b}`)
      .filter((d) => parsePhoneNumberFromString(`0${d}`, 'FR')?.isValid() === true);
    fc.assert(
      fc.property(frMobile, (d) => {
        const spaced = `0${d}`.replace(/(\d{2})(?=\d)/g, '$1 ');
        expect(normalisePhone(spaced, 'NC')).toBe(`+33${d}`);
        expect(normalisePhone(`+33${d}`, 'NC')).toBe(`+33${d}`);
      }),
      { numRuns: 200 },
    );
  });
});
