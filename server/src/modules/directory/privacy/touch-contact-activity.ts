import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import { contacts } from '../directory.schema';

/**
 * Restarts a contact's retention clock: other modules call it in the transaction of what the
 * person did (a letter received from them, a request, a visit). Never moves the clock back,
 * and leaves an anonymised contact alone (nothing is kept on it to count from).
 */
export async function touchContactActivity(
  tx: Queryable,
  orgId: string,
  contactId: string,
  at: Date = new Date(),
): Promise<void> {
  await tx
    .update(contacts)
    .set({ lastActivityAt: at })
    .where(
      and(
        eq(contacts.orgId, orgId),
        eq(contacts.id, contactId),
        isNull(contacts.anonymisedAt),
        lt(contacts.lastActivityAt, at),
      ),
    );
}
