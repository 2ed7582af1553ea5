import { sql } from 'drizzle-orm';
import { organisations } from '../org/org.schema';

/**
 * Today in the organisation's time zone, as an SQL date: a task due today is not overdue in
 * Nouméa while it is already tomorrow there and still yesterday in UTC.
 */
export function orgToday(orgId: string) {
  return sql`(now() at time zone (select ${organisations.timeZone} from ${organisations} where ${organisations.id} = ${orgId}))::date`;
}
