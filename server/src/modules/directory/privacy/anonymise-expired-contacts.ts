import { and, asc, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { Db } from '../../../platform/db/client';
import { organisations } from '../../org/org.schema';
import { contacts } from '../directory.schema';
import { anonymiseContact } from './commands/anonymise-contact';
import { findRetention } from './queries/find-retention';
import { categoryCondition, electedClock, hasMandateInForce } from './queries/retention-scope';
import type { RetentionCategory } from './retention-defaults';

/** Contacts per transaction: PGlite runs one transaction at a time, the web must not wait long. */
const BATCH = 200;

export interface AnonymiseReport {
  constituent: number;
  otherOfficial: number;
  ownOfficial: number;
  organisationNotes: number;
}

/** `now` minus a number of months (calendar months, UTC). */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

/**
 * The retention job's work: in every organisation, anonymises the persons whose retention
 * period has run out and clears the notes of old organisation cards. Batches are found by a
 * range scan of contacts_retention_idx (org, kind, last_activity_at where not anonymised).
 * Idempotent: anonymised contacts leave that index, cleared notes are no longer selected.
 */
export async function anonymiseExpiredContacts(db: Db, now: Date = new Date()): Promise<AnonymiseReport> {
  const report: AnonymiseReport = { constituent: 0, otherOfficial: 0, ownOfficial: 0, organisationNotes: 0 };
  const orgs = await db.select({ id: organisations.id }).from(organisations).orderBy(asc(organisations.id));
  for (const { id: orgId } of orgs) {
    const retention = await findRetention(db, orgId);
    const persons: [Exclude<RetentionCategory, 'organisation'>, number][] = [
      ['constituent', retention.constituents],
      ['otherOfficial', retention.otherOfficials],
      ['ownOfficial', retention.ownOfficials],
    ];
    for (const [category, months] of persons) {
      const cutoff = monthsBefore(now, months);
      const conditions = [
        eq(contacts.orgId, orgId),
        eq(contacts.kind, 'person'),
        isNull(contacts.anonymisedAt),
        lt(contacts.lastActivityAt, cutoff),
        categoryCondition(category),
      ];
      // Elected persons: never during a mandate, and the clock restarts at a mandate's end.
      if (category !== 'constituent') {
        conditions.push(sql`not ${hasMandateInForce}`, sql`${electedClock} < ${cutoff.toISOString()}::timestamptz`);
      }
      for (;;) {
        const batch = await db
          .select({ id: contacts.id })
          .from(contacts)
          .where(and(...conditions))
          .limit(BATCH);
        if (batch.length === 0) break;
        await db.transaction(async (tx) => {
          for (const c of batch) {
            if (await anonymiseContact(tx, null, { orgId, contactId: c.id, trigger: 'retention', category })) {
              report[category]++;
            }
          }
        });
        if (batch.length < BATCH) break;
      }
    }
    report.organisationNotes += await clearOrganisationNotes(db, orgId, monthsBefore(now, retention.organisationNotes));
  }
  return report;
}

/**
 * Organisation cards are kept (not personal data as such), but their notes may name people:
 * cleared once the card has been idle for the retention period.
 */
async function clearOrganisationNotes(db: Db, orgId: string, cutoff: Date): Promise<number> {
  let cleared = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const rows = await tx
        .update(contacts)
        .set({ notes: null, updatedAt: new Date() })
        .where(
          sql`${contacts.id} in (select id from ${contacts} where ${and(
            eq(contacts.orgId, orgId),
            eq(contacts.kind, 'organisation'),
            isNull(contacts.anonymisedAt),
            lt(contacts.lastActivityAt, cutoff),
            isNotNull(contacts.notes),
          )} limit ${BATCH})`,
        )
        .returning({ id: contacts.id });
      for (const r of rows) {
        await recordAudit(
          tx,
          null,
          { action: 'contact.notes_expire', recordType: 'contact', recordId: r.id, summary: { trigger: 'retention' } },
          orgId,
        );
      }
      return rows.length;
    });
    cleared += n;
    if (n < BATCH) return cleared;
  }
}
