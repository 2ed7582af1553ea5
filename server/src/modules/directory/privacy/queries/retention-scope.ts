import { type SQL, sql } from 'drizzle-orm';
import { contacts } from '../../directory.schema';
import { mandates, officials } from '../../officials.schema';
import type { RetentionCategory } from '../retention-defaults';

// SQL pieces shared by the retention job and the erasure: which kind of contact a person is,
// and whether a mandate keeps them. Each subquery is served by an index on (org_id, contact_id).

/** The person is one of the organisation's own officials. */
export const isOwnOfficial = sql`exists (select 1 from ${officials} o where o.org_id = ${contacts.orgId} and o.contact_id = ${contacts.id})`;

/** The person carries a mandate (of any body), in force or not. */
export const hasMandate = sql`exists (select 1 from ${mandates} m where m.org_id = ${contacts.orgId} and m.contact_id = ${contacts.id})`;

/** A mandate in force today: nobody is anonymised while one runs (no end date = running). */
export const hasMandateInForce = sql`exists (select 1 from ${mandates} m where m.org_id = ${contacts.orgId} and m.contact_id = ${contacts.id} and (m.start_date is null or m.start_date <= current_date) and (m.end_date is null or m.end_date >= current_date))`;

/** When an elected person's clock starts: their last activity or their last mandate's end. */
export const electedClock = sql`greatest(${contacts.lastActivityAt}, (select max(m.end_date)::timestamptz from ${mandates} m where m.org_id = ${contacts.orgId} and m.contact_id = ${contacts.id}))`;

/** The condition that puts a person contact in a category. */
export function categoryCondition(category: Exclude<RetentionCategory, 'organisation'>): SQL {
  switch (category) {
    case 'constituent':
      return sql`(not ${isOwnOfficial} and not ${hasMandate})`;
    case 'otherOfficial':
      return sql`(not ${isOwnOfficial} and ${hasMandate})`;
    case 'ownOfficial':
      return isOwnOfficial;
  }
}

/** The category of one loaded contact, with whether a mandate in force protects it. */
export const categorySelection = {
  category: sql<RetentionCategory>`case when ${contacts.kind} = 'organisation' then 'organisation' when ${isOwnOfficial} then 'ownOfficial' when ${hasMandate} then 'otherOfficial' else 'constituent' end`,
  mandateInForce: sql<boolean>`${hasMandateInForce}`,
};
