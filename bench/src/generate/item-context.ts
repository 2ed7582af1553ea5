// What the items refer to, read back from the seeded organisation: its services and their
// topics, neighbourhoods, item types, cabinet members, address book and numbering formats.

import { sql } from 'drizzle-orm';
import { numberFormatOf } from '../../../server/src/modules/correspondence/numbering';
import { type Database, queryRows } from '../../../server/src/platform/db/client';
import type { ItemContext } from './item-rows';
import { HISTORY_YEARS } from './scales';

const YEAR_MS = 365.25 * 86_400_000;

export async function readItemContext(database: Database, orgId: string, now: Date): Promise<ItemContext> {
  const { db } = database;
  const services = await queryRows<{ id: string; topics: string[] }>(
    db,
    sql`select id, topics from services where org_id = ${orgId} order by name`,
  );
  const territories = await queryRows<{ id: string; name: string }>(
    db,
    sql`select id, name from territories where org_id = ${orgId} order by name`,
  );
  const types = await queryRows<{ id: string }>(
    db,
    sql`select id from correspondence_item_types where org_id = ${orgId} order by code`,
  );
  const cabinet = await queryRows<{ user_id: string }>(
    db,
    sql`select user_id from memberships where org_id = ${orgId}
      and role in ('chief_of_staff', 'cabinet_head', 'advisor', 'secretariat') order by role`,
  );
  // Ordered by e-mail (each carries its row number): the same contact at the same index on every run.
  const contacts = await queryRows<{ id: string; display_name: string }>(
    db,
    sql`select id, display_name from contacts where org_id = ${orgId} and deleted_at is null
      order by emails->0->>'email' nulls last, display_name, id`,
  );
  const counters = await queryRows<{ direction: string; year: number; last_sequence: number }>(
    db,
    sql`select direction, year, last_sequence from correspondence_counters where org_id = ${orgId}`,
  );
  return {
    orgId,
    services,
    territories,
    typeIds: types.map((t) => t.id),
    cabinetUserIds: cabinet.map((c) => c.user_id),
    contacts: {
      count: contacts.length,
      at: (i) => {
        const c = contacts[i] as (typeof contacts)[number];
        return { id: c.id, name: c.display_name };
      },
    },
    formats: { in: await numberFormatOf(db, orgId, 'in'), out: await numberFormatOf(db, orgId, 'out') },
    lastSequences: new Map(counters.map((c) => [`${c.direction}:${c.year}`, c.last_sequence])),
    // Up to the day before: today's registrations are the registration bench's.
    from: now.getTime() - HISTORY_YEARS * YEAR_MS,
    to: now.getTime() - 86_400_000,
  };
}
