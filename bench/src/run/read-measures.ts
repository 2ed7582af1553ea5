// The reads of the issue, each as an HTTP path list (for autocannon) and as the same work
// run directly on the database: the statement the route builds where the query exposes it
// (inbox, next page, full-text search, name search), else the route's query function.
import type { TContactQuery, TCorrespondenceQuery } from '@dircab/contracts';
import { sql } from 'drizzle-orm';
import { loadAgendaContext } from '../../../server/src/modules/agenda/agenda-context';
import { findEvents } from '../../../server/src/modules/agenda/queries/find-events';
import { findAlerts } from '../../../server/src/modules/alerts/queries/find-alerts';
import { findItemDetail } from '../../../server/src/modules/correspondence/processing/queries/find-item-detail';
import { findItem, itemsStatement } from '../../../server/src/modules/correspondence/queries/find-correspondence';
import { contactsStatement, findContact } from '../../../server/src/modules/directory/queries/find-contacts';
import { findTimeline } from '../../../server/src/modules/directory/queries/find-timeline';
import { type Database, queryRows } from '../../../server/src/platform/db/client';
import { encodeCursor } from '../../../server/src/platform/http/cursor';
import type { Actor } from '../../../server/src/platform/policy/actor';
import { buildSearchQuery } from '../../../server/src/platform/search/search-records';

export interface ReadMeasure {
  name: string;
  label: string;
  /** Demo login whose session runs it. */
  login: 'dircab' | 'maire';
  paths: string[];
  direct: (i: number) => Promise<unknown>;
}

const TIME_ZONE = 'Pacific/Noumea';
const INBOX: TCorrespondenceQuery = { limit: 50, status: 'in_progress', direction: 'in' } as TCorrespondenceQuery;
const inboxQuery = 'limit=50&status=in_progress&direction=in';

/** The fixtures of the measures: items, a busy contact, an official, a week with events. */
export async function readMeasures(
  database: Database,
  actors: Record<'dircab' | 'maire', Actor>,
): Promise<ReadMeasure[]> {
  const { db } = database;
  const dircab = actors.dircab;
  const orgId = dircab.orgId;
  // A hundred items across the years, so the detail reads do not all hit the same pages.
  const items = await queryRows<{ id: string }>(
    db,
    sql`select id from correspondence_items where org_id = ${orgId} order by md5(id::text) limit 100`,
  );
  const [busy] = await queryRows<{ id: string }>(
    db,
    sql`select sender_contact_id as id from correspondence_items where org_id = ${orgId} and sender_contact_id is not null
      group by sender_contact_id order by count(*) desc, sender_contact_id limit 1`,
  );
  const [official] = await queryRows<{ id: string }>(
    db,
    sql`select official_id as id from agenda_event_officials where org_id = ${orgId}
      group by official_id order by count(*) desc, official_id limit 1`,
  );
  const [week] = await queryRows<{ monday: string }>(
    db,
    sql`select to_char(date_trunc('week', max(starts_at) at time zone ${TIME_ZONE}) - interval '7 days', 'YYYY-MM-DD') as monday
      from agenda_events where org_id = ${orgId}`,
  );
  if (!busy || !official || !week || items.length === 0)
    throw new Error('benchmark fixtures missing: was the data generated?');
  const first = await itemsStatement(db, dircab, INBOX, TIME_ZONE);
  const last = first[INBOX.limit - 1];
  const cursor = last ? encodeCursor({ r: last.receivedAt.toISOString(), id: last.id }) : undefined;
  const sunday = new Date(Date.parse(`${week.monday}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);
  const contact = await findContact(db, dircab, busy.id);
  if (!contact) throw new Error('busy contact not visible');
  const searchWords = 'nid-de-poule boulari';
  const nameQuery: TContactQuery = { q: 'wahetra', limit: 50 } as TContactQuery;
  const agendaContext = await loadAgendaContext(db, dircab, TIME_ZONE);
  const itemIds = items.map((r) => r.id);

  return [
    {
      name: 'inbox',
      label: 'Inbox list (filters, sort)',
      login: 'dircab',
      paths: [`/api/v1/correspondence?${inboxQuery}`],
      direct: () => itemsStatement(db, dircab, INBOX, TIME_ZONE),
    },
    {
      name: 'nextPage',
      label: 'Inbox next page (cursor)',
      login: 'dircab',
      paths: [`/api/v1/correspondence?${inboxQuery}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`],
      direct: () => itemsStatement(db, dircab, { ...INBOX, cursor } as TCorrespondenceQuery, TIME_ZONE),
    },
    {
      name: 'itemDetail',
      label: 'Item detail',
      login: 'dircab',
      paths: itemIds.map((id) => `/api/v1/correspondence/${id}`),
      direct: async (i) => {
        const row = await findItem(db, dircab, itemIds[i % itemIds.length] as string);
        if (row) await findItemDetail(db, dircab, row);
      },
    },
    {
      name: 'fullTextSearch',
      label: 'Full-text search',
      login: 'dircab',
      paths: [`/api/v1/search?q=${encodeURIComponent(searchWords)}&limit=10`],
      direct: () => {
        const statement = buildSearchQuery(dircab, { q: searchWords, limit: 10 });
        return statement ? db.execute(statement) : Promise.resolve();
      },
    },
    {
      name: 'contactSearch',
      label: 'Contact name search',
      login: 'dircab',
      paths: [`/api/v1/contacts?q=${nameQuery.q}&limit=50`],
      // The probe of the next pages first, then the trigram statement when the probe falls short.
      direct: async () => {
        const { probe, statement } = await contactsStatement(db, dircab, nameQuery);
        const probed = probe ? await probe : [];
        return probed.length > nameQuery.limit ? probed : await statement;
      },
    },
    {
      name: 'contactTimeline',
      label: 'Contact 360 timeline',
      login: 'dircab',
      paths: [`/api/v1/contacts/${busy.id}/timeline?limit=50`],
      direct: () => findTimeline(db, dircab, contact, { limit: 50 } as Parameters<typeof findTimeline>[3]),
    },
    {
      name: 'agendaWeek',
      label: 'Agenda week of one official',
      login: 'dircab',
      paths: [`/api/v1/events?from=${week.monday}&to=${sunday}&officialIds=${official.id}`],
      direct: () =>
        findEvents(
          db,
          dircab,
          { from: week.monday, to: sunday, officialIds: [official.id], limit: 200 },
          agendaContext,
        ),
    },
    {
      name: 'alertFeed',
      label: 'Home alert feed',
      login: 'maire',
      paths: ['/api/v1/alerts?limit=20'],
      direct: () => findAlerts(db, actors.maire, 20),
    },
  ];
}
