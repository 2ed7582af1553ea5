import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../platform/db/client';

/** What one round trip tells the agenda about its organisation before it uses a cached index. */
export interface AgendaStamp {
  /** The officials' stamp (agenda_officials_versions); null when they never changed. */
  officialsVersion: string | null;
  /** This transaction changed officials: it sees rows no other reader sees, so it reads afresh. */
  changedInTransaction: boolean;
  /** The database's date: the council's order counts mandates in force on it. */
  databaseToday: string;
  travelMinutes: number | null;
}

/**
 * The officials' stamp, and the agenda settings' travel time with it, in one statement: on a
 * warm cache the agenda context costs this one round trip instead of the officials' pages, their
 * mandates and the settings. Read before the index, so that an index read after it is at least
 * as new as the stamp it is kept under.
 */
export async function readAgendaStamp(db: Queryable, orgId: string): Promise<AgendaStamp> {
  const [row] = await queryRows<{
    version: string | null;
    changed: boolean | null;
    today: string;
    travel_minutes: number | null;
  }>(
    db,
    sql`select (select version::text from agenda_officials_versions where org_id = ${orgId}) as version,
               current_setting('dircab.officials_changed', true) = 'on' as changed,
               current_date::text as today,
               (select travel_minutes from agenda_settings where org_id = ${orgId}) as travel_minutes`,
  );
  return {
    officialsVersion: row?.version ?? null,
    changedInTransaction: row?.changed === true,
    databaseToday: row?.today ?? '',
    travelMinutes: row?.travel_minutes ?? null,
  };
}
