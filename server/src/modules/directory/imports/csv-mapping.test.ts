import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guessDelimiter, writeCsv } from './csv';
import { readMapping, suggestMapping } from './csv-mapping';

describe('suggestMapping', () => {
  it('reads French and English headers, accents, case and punctuation aside', () => {
    expect(
      suggestMapping(['NOM', 'prénom', 'E-mail', 'Tél.', 'Code Postal', 'VILLE', 'Quartier', 'Civilité', 'Colonne X']),
    ).toEqual({
      NOM: 'lastName',
      prénom: 'firstName',
      'E-mail': 'email',
      'Tél.': 'phone',
      'Code Postal': 'postcode',
      VILLE: 'city',
      Quartier: 'territory',
      Civilité: 'civility',
      'Colonne X': null,
    });
  });

  it('reads « Organisme » as the name in a list of organisations, the employer in a list of people', () => {
    expect(suggestMapping(['Organisme', 'Courriel'])).toEqual({ Organisme: 'name', Courriel: 'email' });
    expect(suggestMapping(['Nom', 'Organisme'])).toEqual({ Nom: 'lastName', Organisme: 'employer' });
  });

  it('maps each field once (the first column wins), tags excepted', () => {
    expect(suggestMapping(['Courriel', 'E-mail', 'Tags', 'Étiquettes', 'Nom'])).toEqual({
      Courriel: 'email',
      'E-mail': null,
      Tags: 'tags',
      Étiquettes: 'tags',
      Nom: 'lastName',
    });
  });
});

describe('readMapping', () => {
  const header = ['Nom', 'Prénom', 'Courriel'];
  it('takes the suggested mapping when none is sent', () => {
    expect(readMapping(undefined, header)).toEqual({ Nom: 'lastName', Prénom: 'firstName', Courriel: 'email' });
  });
  it('refuses what is not JSON, an unknown field, a column absent from the file, a field twice, no name', () => {
    const at = (raw: string) => {
      const result = readMapping(raw, header);
      return Array.isArray(result) ? result.map((e) => [e.path, e.code]) : result;
    };
    expect(at('{')).toEqual([['mapping', 'invalid_json']]);
    expect(at('{"Nom":"surname"}')).toEqual([['mapping', 'invalid_value']]);
    expect(at('{"Nom":"lastName","Ville":"city"}')).toEqual([['mapping', 'unknown_column']]);
    expect(at('{"Nom":"lastName","Prénom":"lastName"}')).toEqual([['mapping', 'duplicate_field']]);
    expect(at('{"Prénom":"firstName"}')).toEqual([['mapping', 'missing_name']]);
    expect(at('{"Nom":"lastName","Prénom":null}')).toEqual({ Nom: 'lastName', Prénom: null });
  });
});

describe('guessDelimiter (property)', () => {
  it('finds the separator a file was written with when its header has several columns', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'é', ' ', ',', ';', '\t', '|', '"') as never, maxLength: 8 });
    fc.assert(
      fc.property(
        fc.constantFrom(',', ';', '\t', '|'),
        fc.array(fc.stringMatching(/^[A-Za-zé ]{1,10}$/), { minLength: 2, maxLength: 6 }),
        fc.array(fc.array(cell, { minLength: 2, maxLength: 6 }), { maxLength: 3 }),
        (separator, header, rows) => {
          expect(guessDelimiter(writeCsv([header, ...rows], separator))).toBe(separator);
        },
      ),
    );
  });
});
