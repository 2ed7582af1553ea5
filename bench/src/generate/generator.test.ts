import { describe, expect, it } from 'vitest';
import { type ItemContext, itemRows } from './item-rows';
import { contactCsvChunks } from './load-contacts';
import { createRandom } from './random';
import { caseRows, eventRows, noteRows, type RecordContext } from './record-rows';

const uuid = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const contacts = { count: 40, at: (i: number) => ({ id: uuid(1000 + i), name: `Contact ${i}` }) };
const from = Date.parse('2021-01-01T00:00:00Z');
const to = Date.parse('2026-12-01T00:00:00Z');

const itemContext: ItemContext = {
  orgId: uuid(1),
  services: [
    { id: uuid(2), topics: ['voirie', 'éclairage public'] },
    { id: uuid(3), topics: ['logement'] },
  ],
  territories: [{ id: uuid(4), name: 'Boulari' }],
  typeIds: [uuid(5), uuid(6)],
  cabinetUserIds: [uuid(7), uuid(8)],
  contacts,
  formats: { in: '{year}-A-{seq:6}', out: '{year}-D-{seq:6}' },
  lastSequences: new Map([['in:2026', 12]]),
  from,
  to,
};
const recordContext: RecordContext = {
  orgId: uuid(1),
  officials: [
    { id: uuid(20), userId: uuid(7) },
    { id: uuid(21), userId: null },
  ],
  cabinetUserIds: [uuid(7), uuid(8)],
  executiveUserId: uuid(9),
  contacts,
  from,
  to,
};

const first = <T>(rows: Iterable<T>, n: number): T[] => {
  const out: T[] = [];
  for (const row of rows) {
    out.push(row);
    if (out.length === n) break;
  }
  return out;
};

describe('the data generator', () => {
  it('gives the same first rows for the same seed, and other rows for another', () => {
    const a = first(itemRows(createRandom(7), itemContext, 1000), 50);
    const b = first(itemRows(createRandom(7), itemContext, 1000), 50);
    const c = first(itemRows(createRandom(8), itemContext, 1000), 50);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
    expect(first(eventRows(createRandom(7), recordContext, 100), 20)).toEqual(
      first(eventRows(createRandom(7), recordContext, 100), 20),
    );
    expect(first(caseRows(createRandom(7), recordContext, 100), 20)).toEqual(
      first(caseRows(createRandom(7), recordContext, 100), 20),
    );
    expect(first(noteRows(createRandom(7), recordContext, 100), 20)).toEqual(
      first(noteRows(createRandom(7), recordContext, 100), 20),
    );
    const [chunkA] = contactCsvChunks(50, 42);
    const [chunkB] = contactCsvChunks(50, 42);
    expect(chunkB).toBe(chunkA);
    expect(chunkA?.split('\r\n')[1]).not.toBe(first(contactCsvChunks(50, 43), 1)[0]?.split('\r\n')[1]);
  });

  it('numbers each register in time order without gap, after the numbers already given', () => {
    const rows = [...itemRows(createRandom(3), itemContext, 3000)];
    const times = rows.map((r) => Date.parse(r.received_at));
    expect(times).toEqual([...times].sort((x, y) => x - y));
    const last = new Map(itemContext.lastSequences);
    for (const row of rows) {
      const key = `${row.direction}:${row.year}`;
      expect(row.sequence).toBe((last.get(key) ?? 0) + 1);
      last.set(key, row.sequence);
      expect(row.registration_number).toBe(
        `${row.year}-${row.direction === 'in' ? 'A' : 'D'}-${String(row.sequence).padStart(6, '0')}`,
      );
    }
    // Six years: every year of the history has its register.
    expect(new Set(rows.map((r) => r.year)).size).toBeGreaterThanOrEqual(6);
  });

  it('spreads the items over channels, statuses, services and confidentiality levels', () => {
    const rows = [...itemRows(createRandom(5), itemContext, 5000)];
    expect(new Set(rows.map((r) => r.channel)).size).toBe(6);
    expect(new Set(rows.map((r) => r.status)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(rows.map((r) => r.confidentiality))).toEqual(new Set(['normal', 'restricted', 'confidential']));
    // An item routed to a service is about one of its topics.
    for (const row of rows.filter((r) => r.lead_service_id)) {
      const service = itemContext.services.find((s) => s.id === row.lead_service_id);
      expect(service?.topics).toContain(row.topic);
    }
    // Restricted and confidential items name someone of the cabinet; normal ones nobody.
    for (const row of rows) expect(row.members.length > 0).toBe(row.confidentiality !== 'normal');
  });
});
