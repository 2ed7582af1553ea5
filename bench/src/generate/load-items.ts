// The register: items streamed in batches, each batch put in the global search as
// `indexItem` does (same title, body, url, confidentiality and audience, in SQL over the
// batch), then the numbering counters set to the last number of each register.
import { sql } from 'drizzle-orm';
import type { Database } from '../../../server/src/platform/db/client';
import { type Column, insertStream, rawClient } from './bulk-insert';
import { type ItemContext, type ItemRow, itemRows } from './item-rows';
import type { Random } from './random';

const ITEM_COLUMNS: readonly Column[] = [
  ['id', 'uuid'],
  ['org_id', 'uuid'],
  ['direction', 'text'],
  ['registration_number', 'text'],
  ['year', 'int'],
  ['sequence', 'int'],
  ['channel', 'text'],
  ['type_id', 'uuid'],
  ['subject', 'text'],
  ['body', 'text'],
  ['received_at', 'timestamptz'],
  ['sender_contact_id', 'uuid'],
  ['sender_name', 'text'],
  ['sender_email', 'text'],
  ['topic', 'text'],
  ['territory_id', 'uuid'],
  ['priority', 'text'],
  ['confidentiality', 'text'],
  ['members', 'uuid[]'],
  ['status', 'text'],
  ['due_date', 'date'],
  ['service_ids', 'uuid[]'],
  ['lead_service_id', 'uuid'],
];

/**
 * indexItem's row in SQL: title `number — subject`, body `sender\nbody`, confidentiality as
 * searchConfidentiality maps it, members = the audience (named people; unless confidential the
 * routed people and the staff of the routed services; for a normal item the officials whose
 * portfolio holds its topic).
 */
const INDEX_ITEMS = `
insert into search_index (org_id, kind, record_id, title, body, url, confidentiality, members)
select i.org_id, 'mail', i.id::text, i.registration_number || ' — ' || i.subject,
  i.sender_name || E'\\n' || i.body, '/correspondence/' || i.id,
  case when i.confidentiality = 'normal' then 'restricted' else i.confidentiality end,
  array(select distinct m from unnest(
    i.members
    || case when i.confidentiality <> 'confidential' then i.routed_user_ids || coalesce((
         select array_agg(s.user_id) from memberships s
         where s.org_id = i.org_id and s.role = 'services' and s.service_id = any(i.service_ids)), '{}')
       else '{}' end
    || case when i.confidentiality = 'normal' and i.topic is not null then coalesce((
         select array_agg(o.user_id) from officials o
         where o.org_id = i.org_id and o.user_id is not null and o.portfolios @> array[i.topic]), '{}')
       else '{}' end) m)
from correspondence_items i where i.id = any($1::uuid[])
on conflict (org_id, kind, record_id) do nothing`;

export async function loadItems(database: Database, random: Random, context: ItemContext, count: number) {
  const last = new Map<string, number>();
  const written = await insertStream<ItemRow>(
    database,
    'correspondence_items',
    ITEM_COLUMNS,
    itemRows(random, context, count),
    async (batch) => {
      await rawClient(database).query(INDEX_ITEMS, [batch.map((row) => row.id)]);
      for (const row of batch) last.set(`${row.direction}:${row.year}`, row.sequence);
    },
  );
  // The counters hold the last number given, as registration leaves them.
  for (const [key, sequence] of last) {
    const [direction, year] = key.split(':');
    await database.db.execute(sql`
      insert into correspondence_counters (org_id, direction, year, last_sequence)
      values (${context.orgId}, ${direction}, ${Number(year)}, ${sequence})
      on conflict (org_id, direction, year) do update set last_sequence = greatest(correspondence_counters.last_sequence, excluded.last_sequence)`);
  }
  return written;
}
