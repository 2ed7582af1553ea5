import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../platform/db/client';
import { orgToday } from '../tasks/org-today';

/** Today (YYYY-MM-DD) in the organisation's time zone: the day a decision is taken. */
export async function organisationToday(db: Queryable, orgId: string): Promise<string> {
  const [row] = await queryRows<{ day: string }>(db, sql`select to_char(${orgToday(orgId)}, 'YYYY-MM-DD') as day`);
  if (!row) throw new Error('organisation without a time zone');
  return row.day;
}
