import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { IsoDate } from '../../../../platform/calendar/working-days';
import type { Db } from '../../../../platform/db/client';
import { notify } from '../../../../platform/notifications/notify';
import { memberships } from '../../../org/org.schema';
import { correspondenceItems } from '../../correspondence.schema';

/** Open statuses: exactly the predicate of correspondence_items_org_due_idx, so it serves the read. */
const OPEN = sql.raw(`('routed', 'in_progress', 'reply_drafted', 'in_review', 'to_sign', 'waiting_info')`);

/** Items per read and per notifying transaction: short transactions (PGlite runs one at a time). */
export const REMINDER_BATCH = 200;

interface DueItem {
  id: string;
  registrationNumber: string;
  subject: string;
  dueDate: string;
  confidentiality: string;
  members: string[];
  leadUserId: string | null;
  leadServiceId: string | null;
}

export interface ReminderReport {
  items: number;
  notifications: number;
}

const frDay = (day: string) => day.split('-').reverse().join('/');

/**
 * Tells the lead of each open item (the person routed for action, or else the members of the
 * service) that it falls due by the next working day, or that it is overdue. The notification's
 * key is the item, the kind and the day: a rerun of the day's job writes nothing twice. A
 * confidential item is told only to those of its leads named on it (the others cannot open it).
 */
export async function remindDueItems(
  db: Db,
  orgId: string,
  today: IsoDate,
  nextWorkingDay: IsoDate,
): Promise<ReminderReport> {
  const t = correspondenceItems;
  const report: ReminderReport = { items: 0, notifications: 0 };
  let after: { due: string; id: string } | null = null;
  for (;;) {
    const items: DueItem[] = await db
      .select({
        id: t.id,
        registrationNumber: t.registrationNumber,
        subject: t.subject,
        dueDate: sql<string>`${t.dueDate}::text`,
        confidentiality: t.confidentiality,
        members: t.members,
        leadUserId: t.leadUserId,
        leadServiceId: t.leadServiceId,
      })
      .from(t)
      .where(
        and(
          eq(t.orgId, orgId),
          isNotNull(t.dueDate),
          sql`${t.status} in ${OPEN}`,
          sql`${t.dueDate} <= ${nextWorkingDay}::date`,
          // Due today was told yesterday as due next; only before today (overdue) or after it.
          sql`${t.dueDate} <> ${today}::date`,
          after ? sql`(${t.dueDate}, ${t.id}) > (${after.due}::date, ${after.id}::uuid)` : undefined,
        ),
      )
      .orderBy(t.dueDate, t.id)
      .limit(REMINDER_BATCH);
    if (items.length === 0) break;
    const serviceIds = [...new Set(items.filter((i) => !i.leadUserId && i.leadServiceId).map((i) => i.leadServiceId))];
    const staff = serviceIds.length
      ? await db
          .select({ serviceId: memberships.serviceId, userId: memberships.userId })
          .from(memberships)
          .where(
            and(
              eq(memberships.orgId, orgId),
              eq(memberships.active, true),
              inArray(memberships.serviceId, serviceIds as string[]),
            ),
          )
      : [];
    report.notifications += await db.transaction(async (tx) => {
      let written = 0;
      for (const item of items) {
        let leads = item.leadUserId
          ? [item.leadUserId]
          : staff.filter((s) => s.serviceId === item.leadServiceId).map((s) => s.userId);
        if (item.confidentiality === 'confidential') leads = leads.filter((u) => item.members.includes(u));
        if (leads.length === 0) continue;
        const overdue = item.dueDate < today;
        written += await notify(tx, {
          orgId,
          userIds: leads,
          kind: overdue ? 'correspondence.overdue' : 'correspondence.due_soon',
          title: overdue
            ? `Courrier en retard : ${item.registrationNumber}`
            : `Courrier à traiter pour le ${frDay(item.dueDate)} : ${item.registrationNumber}`,
          body: overdue ? `Échéance dépassée (${frDay(item.dueDate)}) — ${item.subject}` : item.subject,
          link: `/correspondence/items/${item.id}`,
          recordKind: 'correspondence',
          recordId: item.id,
          dedupeKey: `correspondence.${overdue ? 'overdue' : 'due_soon'}:${item.id}:${today}`,
        });
      }
      return written;
    });
    report.items += items.length;
    const last = items.at(-1);
    if (items.length < REMINDER_BATCH || !last) break;
    after = { due: last.dueDate, id: last.id };
  }
  return report;
}
