import { CORRESPONDENCE_QUEUES, type TCorrespondenceQueue } from '@dircab/contracts';
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { users } from '../../../../platform/auth/auth.schema';
import type { IsoDate } from '../../../../platform/calendar/working-days';
import type { Db } from '../../../../platform/db/client';
import { enqueueMail } from '../../../../platform/mailer/mail-job';
import { mailSettings } from '../../../../platform/mailer/mailer.schema';
import { notificationPreferences } from '../../../../platform/notifications/notifications.schema';
import { notify } from '../../../../platform/notifications/notify';
import type { Actor } from '../../../../platform/policy/actor';
import { memberships } from '../../../org/org.schema';
import { visibleItems } from '../../correspondence.policy';
import { correspondenceItems } from '../../correspondence.schema';
import { queueCondition } from '../../queries/find-correspondence';

/** The overdue items a digest lists by name; the count says how many more. */
export const DIGEST_OVERDUE_LINES = 10;

const QUEUE_LABELS: Record<TCorrespondenceQueue, string> = {
  mine: 'À moi',
  my_service: 'Mon service',
  to_review: 'À viser',
  to_sign: 'À signer',
  overdue: 'En retard',
  due_this_week: 'Échéance cette semaine',
};

const frDay = (day: string) => day.split('-').reverse().join('/');

export interface DigestReport {
  inApp: number;
  emails: number;
  skipped: number;
}

interface Digest {
  counts: Record<TCorrespondenceQueue, number>;
  overdue: { id: string; registrationNumber: string; subject: string; dueDate: string }[];
}

/** One member's queues and overdue items as they stood at `now`, through what they may see. */
async function digestOf(db: Db, actor: Actor, timeZone: string, now: Date): Promise<Digest> {
  const t = correspondenceItems;
  const counts = {} as Digest['counts'];
  for (const queue of CORRESPONDENCE_QUEUES) {
    const [row] = await db
      .select({ n: count() })
      .from(t)
      .where(and(eq(t.orgId, actor.orgId), visibleItems(actor), queueCondition(actor, queue, timeZone, now)));
    counts[queue] = row?.n ?? 0;
  }
  const overdue =
    counts.overdue === 0
      ? []
      : await db
          .select({
            id: t.id,
            registrationNumber: t.registrationNumber,
            subject: t.subject,
            dueDate: sql<string>`${t.dueDate}::text`,
          })
          .from(t)
          .where(and(eq(t.orgId, actor.orgId), visibleItems(actor), queueCondition(actor, 'overdue', timeZone, now)))
          .orderBy(t.dueDate, t.id)
          .limit(DIGEST_OVERDUE_LINES);
  return { counts, overdue };
}

function digestText(digest: Digest, day: IsoDate): { title: string; body: string } {
  const lines = CORRESPONDENCE_QUEUES.map((q) => `${QUEUE_LABELS[q]} : ${digest.counts[q]}`);
  const overdue = digest.overdue.map((i) => `• ${i.registrationNumber} — ${i.subject} (échéance ${frDay(i.dueDate)})`);
  const more = digest.counts.overdue - digest.overdue.length;
  return {
    title: `Votre résumé du courrier du ${frDay(day)}`,
    body: [
      lines.join(' · '),
      ...(overdue.length ? ['', 'En retard :', ...overdue] : []),
      ...(more > 0 ? [`… et ${more} autre(s) en retard.`] : []),
    ].join('\n'),
  };
}

/**
 * The daily digest of each member who chose one: the counts of their queues and their overdue
 * items. By e-mail (a `mail.send` job) when they chose it and the organisation has a mail
 * server, otherwise in Dircab. Nothing is sent to whom nothing waits. Keys per user and day:
 * a rerun of the day's job sends nothing twice.
 */
export async function sendDigests(
  db: Db,
  orgId: string,
  day: IsoDate,
  timeZone: string,
  now: Date,
): Promise<DigestReport> {
  const report: DigestReport = { inApp: 0, emails: 0, skipped: 0 };
  const readers = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      digest: notificationPreferences.digest,
    })
    .from(notificationPreferences)
    .innerJoin(
      memberships,
      and(eq(memberships.orgId, notificationPreferences.orgId), eq(memberships.userId, notificationPreferences.userId)),
    )
    .innerJoin(users, eq(users.id, notificationPreferences.userId))
    .where(
      and(
        eq(notificationPreferences.orgId, orgId),
        inArray(notificationPreferences.digest, ['in_app', 'email']),
        eq(memberships.active, true),
        eq(users.disabled, false),
      ),
    );
  if (readers.length === 0) return report;
  const [smtp] = await db.select({ orgId: mailSettings.orgId }).from(mailSettings).where(eq(mailSettings.orgId, orgId));
  for (const reader of readers) {
    const actor: Actor = {
      userId: reader.userId,
      name: reader.name,
      email: reader.email,
      orgId,
      role: reader.role,
      sessionId: '',
      ip: '',
    };
    const digest = await digestOf(db, actor, timeZone, now);
    if (Object.values(digest.counts).every((n) => n === 0)) {
      report.skipped += 1;
      continue;
    }
    const { title, body } = digestText(digest, day);
    const key = `correspondence.digest:${orgId}:${reader.userId}:${day}`;
    await db.transaction(async (tx) => {
      if (reader.digest === 'email' && smtp) {
        const id = await enqueueMail(
          tx,
          orgId,
          { to: reader.email, subject: `Dircab — ${title.toLowerCase()}`, text: body },
          { idempotencyKey: key },
        );
        if (id) report.emails += 1;
      } else {
        const written = await notify(tx, {
          orgId,
          userIds: [reader.userId],
          kind: 'correspondence.digest',
          title,
          body,
          link: '/correspondence',
          dedupeKey: key,
        });
        report.inApp += written;
      }
    });
  }
  return report;
}
