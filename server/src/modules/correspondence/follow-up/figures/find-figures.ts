import type { TFigures, TFiguresQuery, TFiguresRow } from '@dircab/contracts';
import { eq, type SQL, sql } from 'drizzle-orm';
import { localDate } from '../../../../platform/calendar/working-days';
import { type Queryable, queryRows } from '../../../../platform/db/client';
import type { Actor } from '../../../../platform/policy/actor';
import { services } from '../../../directory/directory.schema';
import { visibleItems } from '../../correspondence.policy';
import { correspondenceItems, correspondenceItemTypes } from '../../correspondence.schema';
import { correspondenceReplies } from '../../processing/processing.schema';
import { countReceived } from './count-received';

const OPEN = sql.raw(`('routed', 'in_progress', 'reply_drafted', 'in_review', 'to_sign', 'waiting_info')`);
const CLOSED = sql.raw(`('sent', 'closed', 'closed_without_reply', 'forwarded')`);

interface FigureRow {
  by: 'type' | 'service' | 'total';
  key: string | null;
  received: number;
  closed: number;
  median_days: number | null;
  p90_days: number | null;
  answered_with_due: number;
  answered_in_time: number;
  open_overdue: number;
}

const oneDecimal = (n: number | null) => (n === null ? null : Math.round(Number(n) * 10) / 10);

/** The figures' one statement (also what a volume check explains). `today` decides what is overdue. */
export function figuresStatement(actor: Actor, query: TFiguresQuery, timeZone: string, today: string): SQL {
  const t = correspondenceItems;
  const r = correspondenceReplies;
  const days = sql`extract(epoch from (answered_at - received_at)) / 86400.0`;
  return sql`with period as (
      select ${t.typeId} as type_id, ${t.leadServiceId} as service_id, ${t.status} as status,
             ${t.receivedAt} as received_at, ${t.dueDate} as due_date,
             -- One lookup per item in the reply's unique (item_id) index: a join let the planner
             -- hash the whole replies table (a second for a month at 1,000,000 items).
             (select ${r.sentAt} from ${r} where ${r.itemId} = ${t.id}) as answered_at
      from ${t}
      where ${t.orgId} = ${actor.orgId} and ${t.direction} = 'in'
        and ${t.receivedAt} >= (${query.from}::date::timestamp at time zone ${timeZone})
        and ${t.receivedAt} < ((${query.to}::date + 1)::timestamp at time zone ${timeZone})
        and ${visibleItems(actor)}
    )
    select case when grouping(type_id) = 0 then 'type' when grouping(service_id) = 0 then 'service' else 'total' end as by,
           coalesce(type_id, service_id)::text as key,
           count(*)::int as received,
           (count(*) filter (where status in ${CLOSED}))::int as closed,
           percentile_cont(0.5) within group (order by ${days}) filter (where answered_at is not null) as median_days,
           percentile_cont(0.9) within group (order by ${days}) filter (where answered_at is not null) as p90_days,
           (count(*) filter (where answered_at is not null and due_date is not null))::int as answered_with_due,
           (count(*) filter (where answered_at is not null and due_date is not null
              and (answered_at at time zone ${timeZone})::date <= due_date))::int as answered_in_time,
           (count(*) filter (where status in ${OPEN} and due_date < ${today}::date))::int as open_overdue
    from period
    group by grouping sets ((type_id), (service_id), ())`;
}

/**
 * Response times of the incoming items received in the period (the organisation's days), per
 * item type, per service in charge (the current lead) and in all, in one statement: the
 * period is read first through correspondence_items_org_received_idx, so a month costs a
 * month's rows whatever the register's size; the sent reply (one per item, unique index) gives
 * the answer's time. Only the items the actor may see are counted.
 */
export async function findFigures(
  db: Queryable,
  actor: Actor,
  query: TFiguresQuery,
  timeZone: string,
  now: Date = new Date(),
): Promise<TFigures> {
  const rows = await queryRows<FigureRow>(db, figuresStatement(actor, query, timeZone, localDate(now, timeZone)));
  const counts = await countReceived(db, actor, query, timeZone);
  const [typeNames, serviceNames] = await Promise.all([
    db
      .select({ id: correspondenceItemTypes.id, label: correspondenceItemTypes.label })
      .from(correspondenceItemTypes)
      .where(eq(correspondenceItemTypes.orgId, actor.orgId)),
    db.select({ id: services.id, label: services.name }).from(services).where(eq(services.orgId, actor.orgId)),
  ]);
  const label = new Map([...typeNames, ...serviceNames].map((x) => [x.id, x.label]));
  const present = (row: FigureRow, none: string): TFiguresRow => ({
    id: row.key,
    label: row.key ? (label.get(row.key) ?? none) : none,
    received: row.received,
    closed: row.closed,
    medianDays: oneDecimal(row.median_days),
    p90Days: oneDecimal(row.p90_days),
    withinDueShare:
      row.answered_with_due === 0 ? null : Math.round((row.answered_in_time / row.answered_with_due) * 1000) / 1000,
    openOverdue: row.open_overdue,
  });
  // Most received first; the items without a type or service last.
  const byLabel = (a: TFiguresRow, b: TFiguresRow) =>
    Number(a.id === null) - Number(b.id === null) || b.received - a.received || a.label.localeCompare(b.label, 'fr');
  const total = rows.find((x) => x.by === 'total');
  return {
    from: query.from,
    to: query.to,
    total: total
      ? present(total, 'Total')
      : {
          id: null,
          label: 'Total',
          received: 0,
          closed: 0,
          medianDays: null,
          p90Days: null,
          withinDueShare: null,
          openOverdue: 0,
        },
    byType: rows
      .filter((x) => x.by === 'type')
      .map((x) => present(x, 'Sans type'))
      .sort(byLabel),
    byService: rows
      .filter((x) => x.by === 'service')
      .map((x) => present(x, 'Sans service'))
      .sort(byLabel),
    ...counts,
  };
}
