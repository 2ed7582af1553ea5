import { CONFIDENTIALITY_LEVELS, ROLES, type TConfidentiality, type TRole } from '@dircab/contracts';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/test-app';
import { type Database, queryRows } from '../db/client';
import type { Actor } from './actor';
import { canSee, visibleTo } from './confidentiality';

// The rule exists twice: in SQL for lists and search (visibleTo) and in memory for a loaded
// record (canSee). This property test proves the two never disagree.

const ORGS = ['01900000-0000-7000-8000-0000000000a1', '01900000-0000-7000-8000-0000000000a2'];
const PEOPLE = [
  '01900000-0000-7000-8000-0000000000b1',
  '01900000-0000-7000-8000-0000000000b2',
  '01900000-0000-7000-8000-0000000000b3',
];

interface Row {
  id: number;
  orgId: string;
  confidentiality: TConfidentiality;
  members: string[];
}

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  await database.db.execute(
    sql`create table scoped_probe (id int primary key, org_id uuid not null, confidentiality text not null, members uuid[] not null)`,
  );
});
afterAll(() => database.close());

const actorArb = fc.record({
  userId: fc.constantFrom(...PEOPLE),
  orgId: fc.constantFrom(...ORGS),
  role: fc.constantFrom<TRole>(...ROLES),
});
const rowsArb = fc.array(
  fc.record({
    orgId: fc.constantFrom(...ORGS),
    confidentiality: fc.constantFrom<TConfidentiality>(...CONFIDENTIALITY_LEVELS),
    members: fc.subarray(PEOPLE),
  }),
  { minLength: 1, maxLength: 12 },
);

describe('visibleTo (SQL) and canSee (memory)', () => {
  it('return the same records for any actor and any records', async () => {
    await fc.assert(
      fc.asyncProperty(actorArb, rowsArb, async (a, specs) => {
        const { db } = database;
        const rows: Row[] = specs.map((s, id) => ({ id, ...s }));
        await db.execute(sql`delete from scoped_probe`);
        for (const r of rows) {
          await db.execute(
            sql`insert into scoped_probe values (${r.id}, ${r.orgId}, ${r.confidentiality}, ${`{${r.members.join(',')}}`}::uuid[])`,
          );
        }
        const actor: Actor = { ...a, name: 'x', email: 'x@example.org', sessionId: 's', ip: '127.0.0.1' };
        const condition = visibleTo(actor, {
          orgId: sql`org_id`,
          confidentiality: sql`confidentiality`,
          members: sql`members`,
        });
        const result = await queryRows<{ id: number }>(
          db,
          sql`select id from scoped_probe where ${condition} order by id`,
        );
        const fromSql = result.map((r) => r.id);
        const fromMemory = rows.filter((r) => canSee(actor, r)).map((r) => r.id);
        expect(fromSql).toEqual(fromMemory);
      }),
      { numRuns: 150 },
    );
  });

  it('lets a named person see a confidential record, and a cabinet head not', () => {
    const base = { name: 'x', email: 'x@example.org', sessionId: 's', ip: '', orgId: ORGS[0] as string };
    const record = {
      orgId: ORGS[0] as string,
      confidentiality: 'confidential' as const,
      members: [PEOPLE[0] as string],
    };
    expect(canSee({ ...base, userId: PEOPLE[0] as string, role: 'advisor' }, record)).toBe(true);
    expect(canSee({ ...base, userId: PEOPLE[1] as string, role: 'cabinet_head' }, record)).toBe(false);
    expect(canSee({ ...base, userId: PEOPLE[1] as string, role: 'chief_of_staff' }, record)).toBe(true);
    expect(canSee({ ...base, userId: PEOPLE[1] as string, role: 'executive', orgId: ORGS[1] as string }, record)).toBe(
      false,
    );
  });
});
