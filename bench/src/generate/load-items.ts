// The register: items streamed in batches, each batch put in the global search as
// `indexItem` does (same title, body, url, confidentiality and audience, in SQL over the
// batch), then the numbering counters set to the last number of each register.
import { sql } from 'drizzle-orm';
import {
  bandKeysOf,
  fingerprintOf,
} from '../../../server/src/modules/correspondence/inbound/campaigns/campaign-fingerprint';
import type { Database } from '../../../server/src/platform/db/client';
import { type Column, insertRows, insertStream, rawClient } from './bulk-insert';
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

/**
 * groupIntoCampaign's rows for the incoming items it would file (not confidential, text long
 * enough): the fingerprint and its band keys, so a registration's campaign lookup reads a
 * register of the scale's size. No campaign is made: the generated letters are each their own.
 */
async function fingerprint(database: Database, batch: readonly ItemRow[]): Promise<void> {
  const filed = batch
    .filter((row) => row.direction === 'in' && row.confidentiality !== 'confidential')
    .map((row) => ({ row, text: fingerprintOf(row.subject, row.body) }))
    .map(({ row, text }) => ({ row, text, bands: bandKeysOf(text) }))
    .filter(({ bands }) => bands.length > 0);
  await insertRows(
    database,
    'correspondence_fingerprints',
    [
      ['item_id', 'uuid'],
      ['org_id', 'uuid'],
      ['received_at', 'timestamptz'],
      ['sender_key', 'text'],
      ['fingerprint', 'text'],
    ],
    filed.map(({ row, text }) => ({
      item_id: row.id,
      org_id: row.org_id,
      received_at: row.received_at,
      // senderKeyOf: the contact, else the name (the generated letters carry no e-mail).
      sender_key: row.sender_contact_id
        ? `contact:${row.sender_contact_id}`
        : `name:${row.sender_name.trim().toLowerCase()}`,
      fingerprint: text,
    })),
  );
  await insertRows(
    database,
    'correspondence_fingerprint_bands',
    [
      ['item_id', 'uuid'],
      ['org_id', 'uuid'],
      ['band', 'int8'],
      ['received_at', 'timestamptz'],
    ],
    filed.flatMap(({ row, bands }) =>
      [...new Set(bands)].map((band) => ({
        item_id: row.id,
        org_id: row.org_id,
        band: band.toString(),
        received_at: row.received_at,
      })),
    ),
  );
}

export async function loadItems(database: Database, random: Random, context: ItemContext, count: number) {
  const last = new Map<string, number>();
  const written = await insertStream<ItemRow>(
    database,
    'correspondence_items',
    ITEM_COLUMNS,
    itemRows(random, context, count),
    async (batch) => {
      await rawClient(database).query(INDEX_ITEMS, [batch.map((row) => row.id)]);
      await fingerprint(database, batch);
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
