import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, readVcards, splitValue, unescapeText } from './vcard';
import { draftFromVcard } from './vcard-drafts';

const unit = fc.constantFrom('a', 'Z', 'é', 'É', '’', ' ', ',', ';', '\\', '\n', ':', '"', '0', '日', '🙂') as never;
const text = fc.string({ unit, maxLength: 120 });
const name = fc.string({ unit, minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== '');

/** A card written the way address books write them: escaped values, lines folded at 75 octets. */
function writeCard(fields: { family: string; given: string; note: string; tags: string[] }, eol: string) {
  const lines = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `N:${escapeText(fields.family)};${escapeText(fields.given)};;;`,
    `FN:${escapeText(`${fields.given} ${fields.family}`)}`,
    `NOTE:${escapeText(fields.note)}`,
    `CATEGORIES:${fields.tags.map(escapeText).join(',')}`,
    'END:VCARD',
  ];
  return lines.map(foldLine).join(eol) + eol;
}

describe('readVcards (property)', () => {
  it('reads back names, notes and categories written with escapes and folding, with CRLF or LF', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ family: name, given: text, note: text, tags: fc.array(name, { maxLength: 4 }) }), {
          maxLength: 5,
        }),
        fc.constantFrom('\r\n', '\n'),
        (cards, eol) => {
          const file = cards.map((c) => writeCard(c, eol)).join('');
          const read = [...readVcards(file)];
          expect(read).toHaveLength(cards.length);
          read.forEach((card, i) => {
            const c = cards[i] as (typeof cards)[number];
            const n = card.properties.find((p) => p.name === 'N');
            expect(splitValue(n?.raw ?? '', ';').slice(0, 2)).toEqual([
              c.family.replace(/\r\n|\r/g, '\n'),
              c.given.replace(/\r\n|\r/g, '\n'),
            ]);
            const note = card.properties.find((p) => p.name === 'NOTE');
            expect(unescapeText(note?.raw ?? '')).toBe(c.note);
            const categories = card.properties.find((p) => p.name === 'CATEGORIES');
            const tags = splitValue(categories?.raw ?? '', ',').filter((t) => t !== '');
            expect(tags).toEqual(c.tags);
          });
        },
      ),
    );
  });

  it('folds lines at 75 octets at most, never inside a character, and unfolds them back', () => {
    fc.assert(
      fc.property(text, (value) => {
        const folded = foldLine(`NOTE:${escapeText(value)}`);
        for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
        const [card] = [...readVcards(`BEGIN:VCARD\r\n${folded}\r\nEND:VCARD\r\n`)];
        expect(unescapeText(card?.properties[0]?.raw ?? '')).toBe(value);
      }),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        for (const card of readVcards(`BEGIN:VCARD\n${s}\nEND:VCARD`)) draftFromVcard(card);
      }),
    );
  });
});

describe('readVcards', () => {
  it('decodes 3.0 quoted-printable in the CHARSET given, joined across soft line breaks', () => {
    const file = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Juli=E9;Nina',
      'NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Premi=C3=A8re =',
      'ligne',
      'TEL;CELL;VOICE:78.12.34',
      'END:VCARD',
    ].join('\r\n');
    const [card] = [...readVcards(file)];
    expect(card?.version).toBe('2.1');
    const draft = draftFromVcard(card as never);
    expect(draft).toMatchObject({ lastName: 'Julié', firstName: 'Nina', notes: 'Première ligne' });
    expect(draft.phones).toEqual([{ field: 'TEL', label: 'Portable', value: '78.12.34' }]);
  });

  it('reads groups, quoted parameters, 4.0 KIND and tel: URIs, and skips a nested card', () => {
    const file = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      'KIND:org',
      'FN:Radio Djiido',
      'item1.EMAIL;TYPE="work,pref":redaction@djiido.example',
      'TEL;VALUE=uri;TYPE="voice,work":tel:+687-26-12-34',
      'AGENT:BEGIN:VCARD',
      'END:VCARD',
    ].join('\n');
    const cards = [...readVcards(file)];
    expect(cards).toHaveLength(1);
    const draft = draftFromVcard(cards[0] as never);
    expect(draft).toMatchObject({ kind: 'organisation', name: 'Radio Djiido' });
    expect(draft.emails).toEqual([{ field: 'EMAIL', label: 'Travail', value: 'redaction@djiido.example' }]);
    expect(draft.phones).toEqual([{ field: 'TEL', label: 'Travail', value: '+687-26-12-34' }]);
  });

  it('reads an address: street lines, extended address, postcode, town and country', () => {
    const file =
      'BEGIN:VCARD\nN:Dupont;Jean\nADR;TYPE=home:;Apt 3;12 rue de la Baie\\nRésidence Les Pins;Nouméa;;98800;France\nEND:VCARD\n';
    const draft = draftFromVcard([...readVcards(file)][0] as never);
    expect(draft.addresses).toEqual([
      {
        field: 'ADR',
        label: 'Domicile',
        line1: '12 rue de la Baie',
        line2: 'Résidence Les Pins, Apt 3',
        postcode: '98800',
        city: 'Nouméa',
        country: 'France',
      },
    ]);
  });
});
