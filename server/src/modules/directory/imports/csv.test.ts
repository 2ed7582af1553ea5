import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsv, writeCsv } from './csv';
import { normaliseCode, parseRneDate, sameCode } from './rne';

const field = fc.string({ unit: fc.constantFrom('a', 'É', ' ', ';', '"', '\n', '\r', '\r\n', 'x', '0') as never });
// A record of one empty field is a blank line: not a record, by design.
const record = fc.array(field, { minLength: 1, maxLength: 6 }).filter((r) => r.length > 1 || r[0] !== '');

const read = (text: string) => [...readCsv(text)].map((r) => r.fields);

describe('readCsv (property)', () => {
  it('reads back what writeCsv wrote, with LF or CRLF, with or without a BOM', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 8 }), fc.boolean(), fc.boolean(), (rows, crlf, bom) => {
        const text = (bom ? '\uFEFF' : '') + writeCsv(rows, ';', crlf ? '\r\n' : '\n');
        expect(read(text)).toEqual(rows);
      }),
    );
  });

  it('gives each record the line it starts on', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 8 }), (rows) => {
        const text = writeCsv(rows);
        const lines = [...readCsv(text)].map((r) => r.line);
        let expected = 1;
        rows.forEach((row, i) => {
          expect(lines[i]).toBe(expected);
          expected += 1 + row.join(';').split('\n').length - 1;
        });
      }),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string(), (s) => void read(s)));
  });

  it('reads the register’s variants: unquoted, quoted, empty fields, CRLF, no final newline', () => {
    expect(read('a;b;;c\n')).toEqual([['a', 'b', '', 'c']]);
    expect(read('"a";"b ""c""";;1956-08-11\r\n"x;y";2\r\n')).toEqual([
      ['a', 'b "c"', '', '1956-08-11'],
      ['x;y', '2'],
    ]);
    expect(read('\uFEFFh1;h2\n\nv1;v2')).toEqual([
      ['h1', 'h2'],
      ['v1', 'v2'],
    ]);
  });
});

describe('RNE dates (property)', () => {
  const day = fc.date({
    min: new Date('1900-01-01T00:00:00Z'),
    max: new Date('2100-12-31T00:00:00Z'),
    noInvalidDate: true,
  });
  const iso = (d: Date) => d.toISOString().slice(0, 10);

  it('reads dd/mm/yyyy and ISO into the same ISO date', () => {
    fc.assert(
      fc.property(day, (d) => {
        const [y, m, dd] = iso(d).split('-');
        expect(parseRneDate(`${dd}/${m}/${y}`)).toBe(iso(d));
        expect(parseRneDate(`${Number(dd)}/${Number(m)}/${y}`)).toBe(iso(d));
        expect(parseRneDate(iso(d))).toBe(iso(d));
      }),
    );
  });

  it('refuses dates that do not exist and text that is not a date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1901, max: 2099 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
        expect(parseRneDate(`${days + 1}/${m}/${y}`)).toBeNull();
        expect(parseRneDate(`${y}-${String(m).padStart(2, '0')}-${days + 1}`)).toBeNull();
      }),
    );
    for (const bad of ['', '31/02/2020', '2020-13-01', '12/2020', 'demain', '29/02/2023']) {
      expect(parseRneDate(bad), bad).toBeNull();
    }
    expect(parseRneDate('29/02/2024')).toBe('2024-02-29');
  });
});

describe('INSEE codes', () => {
  it('pads numeric codes and compares them without leading zeros', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99999 }), fc.integer({ min: 0, max: 3 }), (n, zeros) => {
        const padded = '0'.repeat(zeros) + String(n);
        expect(sameCode(padded, String(n))).toBe(true);
        expect(Number(normaliseCode(padded, 5))).toBe(n);
      }),
    );
    expect(normaliseCode('1001', 5)).toBe('01001');
    expect(normaliseCode('5', 2)).toBe('05');
    expect(normaliseCode('2a', 2)).toBe('2A');
    expect(sameCode('98817', '63236')).toBe(false);
  });
});
