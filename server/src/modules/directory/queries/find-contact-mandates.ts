import type { TContactMandate } from '@dircab/contracts';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import { decodeCursor, encodeCursor } from '../../../platform/http/cursor';
import { mandates } from '../officials.schema';
import type { ContactRow } from './find-contacts';
import { presentMandate } from './find-officials';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Ended = the end date has passed; a mandate without one is in force (as the officials list reads it).
const ended = sql<boolean>`(${mandates.endDate} is not null and ${mandates.endDate} < current_date)`;
// A mandate without a start date sorts last within its group (the oldest possible day).
const start = sql<string>`coalesce(${mandates.startDate}, '0001-01-01'::date)`;

/**
 * The mandates of one contact the caller has already found visible (findContact): in force
 * first, then ended, each group from the latest start; keyset on (ended, start, id). The
 * political group is not here: it belongs to the official, and only some roles may see it.
 */
export async function findContactMandates(
  db: Queryable,
  contact: Pick<ContactRow, 'id' | 'orgId'>,
  query: { limit: number; cursor?: string | undefined },
): Promise<{ data: TContactMandate[]; nextCursor: string | null }> {
  const where: SQL[] = [eq(mandates.orgId, contact.orgId), eq(mandates.contactId, contact.id)];
  if (query.cursor) {
    const c = decodeCursor(query.cursor, ['ended', 'start', 'id']);
    // A forged cursor must be a 400, not a cast error from the database.
    if (!DATE.test(c.start) || !UUID.test(c.id)) {
      throw problems.badRequest('Le curseur de pagination est invalide.', [
        { path: 'cursor', message: 'Curseur invalide : repartez de la première page.', code: 'invalid_cursor' },
      ]);
    }
    const cEnded = c.ended === '1';
    // Booleans order false < true: an in-force cursor continues into the ended ones.
    where.push(
      sql`(${ended} > ${cEnded} or (${ended} = ${cEnded} and (${start} < ${c.start}::date or (${start} = ${c.start}::date and ${mandates.id} < ${c.id}::uuid))))`,
    );
  }
  const rows = await db
    .select({ mandate: mandates, ended, start: sql<string>`${start}::text` })
    .from(mandates)
    .where(and(...where))
    .orderBy(ended, sql`${start} desc`, desc(mandates.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((r) => ({ ...presentMandate(r.mandate), officialId: r.mandate.officialId, inForce: !r.ended })),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ ended: last.ended ? '1' : '0', start: last.start, id: last.mandate.id })
        : null,
  };
}
