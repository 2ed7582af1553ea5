// The whole data set of one scale, in a migrated database: the demo organisation, then its
// address book (through the import), register, agendas, cases and notes, then VACUUM ANALYZE so
// the planner sees the volumes and the pages are all-visible before the first measure.
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../../server/src/platform/db/client';
import type { Actor } from '../../../server/src/platform/policy/actor';
import { withIndexesDeferred } from './deferred-indexes';
import { readItemContext } from './item-context';
import { loadContacts } from './load-contacts';
import { loadItems } from './load-items';
import { loadCases, loadEvents, loadNotes } from './load-records';
import { createRandom } from './random';
import type { RecordContext } from './record-rows';
import type { ScaleName } from './scales';
import { volumesOf } from './scales';
import { type SeededOrganisation, seedOrganisation } from './seed-organisation';

export interface Generated {
  organisation: SeededOrganisation;
  counts: Record<string, number>;
  /** Seconds each step took. */
  seconds: Record<string, number>;
}

export async function generate(
  database: Database,
  scale: ScaleName,
  seed: number,
  now: Date,
  log: (line: string) => void,
): Promise<Generated> {
  const volumes = volumesOf(scale);
  const seconds: Record<string, number> = {};
  const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    seconds[name] = (performance.now() - started) / 1000;
    log(`  ${name}: ${seconds[name].toFixed(1)} s`);
    return result;
  };
  const organisation = await step('organisation', () => seedOrganisation(database));
  const { orgId, userIds } = organisation;
  const dircab = userIds.dircab as string;
  const actor: Actor = {
    userId: dircab,
    name: 'Banc d’essai',
    email: organisation.emailOf('dircab'),
    orgId,
    role: 'chief_of_staff',
    sessionId: '',
    ip: '127.0.0.1',
  };
  await step('contacts', () => loadContacts(database, actor, volumes.contacts, seed));
  const context = await readItemContext(database, orgId, now);
  let indexStarted = 0;
  await withIndexesDeferred(database, async () => {
    await step('items', () => loadItems(database, createRandom(seed + 1), context, volumes.items));
    const officials = await queryRows<{ id: string; user_id: string | null }>(
      database.db,
      sql`select id, user_id from officials where org_id = ${orgId} order by id`,
    );
    const records: RecordContext = {
      orgId,
      officials: officials.map((o) => ({ id: o.id, userId: o.user_id })),
      cabinetUserIds: context.cabinetUserIds,
      executiveUserId: userIds.maire as string,
      contacts: context.contacts,
      from: context.from,
      to: context.to,
    };
    await step('events', () => loadEvents(database, createRandom(seed + 2), records, volumes.events));
    await step('cases', () => loadCases(database, createRandom(seed + 3), records, volumes.cases));
    await step('notes', () => loadNotes(database, createRandom(seed + 4), records, volumes.notes));
    // Counted in the time of the load: the indexes are rebuilt when the callback returns.
    indexStarted = performance.now();
  });
  seconds.indexes = (performance.now() - indexStarted) / 1000;
  log(`  indexes: ${seconds.indexes.toFixed(1)} s`);
  // VACUUM too: a register that has lived has been vacuumed by autovacuum, so its pages are
  // all-visible and index-only scans read no heap; a fresh bulk load would show them worse.
  await step('vacuum analyze', () => database.db.execute(sql`vacuum analyze`));
  const counts = await tableCounts(database, orgId);
  return { organisation, counts, seconds };
}

/** What the organisation holds once loaded (the demo's own records included). */
export async function tableCounts(database: Database, orgId: string): Promise<Record<string, number>> {
  const [row] = await queryRows<Record<string, number>>(
    database.db,
    sql`select
      (select count(*)::int from correspondence_items where org_id = ${orgId}) as items,
      (select count(*)::int from contacts where org_id = ${orgId}) as contacts,
      (select count(*)::int from agenda_events where org_id = ${orgId}) as events,
      (select count(*)::int from cases where org_id = ${orgId}) as cases,
      (select count(*)::int from notes where org_id = ${orgId}) as notes,
      (select count(*)::int from search_index where org_id = ${orgId}) as "searchRows"`,
  );
  return row ?? {};
}
