import { and, eq, or } from 'drizzle-orm';
import type { Queryable } from '../../../../platform/db/client';
import type { Actor } from '../../../../platform/policy/actor';
import { contactDuplicateDismissals, contactRelations } from '../../contact-links.schema';
import { forgetDuplicateCandidates } from '../../duplicates/refresh-duplicate-candidates';
import { findContact } from '../../queries/find-contacts';
import { findRelations } from '../../queries/find-relations';
import { registerPersonalDataSource } from '../personal-data-sources';

/** Pages of relations read for one person's export (a person has few; the loop bounds none). */
const PAGE = 200;

async function relationsOf(db: Queryable, actor: Actor, contactId: string) {
  const contact = await findContact(db, actor, contactId);
  if (!contact) return [];
  const out = [];
  let cursor: string | undefined;
  do {
    const page = await findRelations(db, actor, contact, { limit: PAGE, ...(cursor ? { cursor } : {}) });
    // The `policies` are the screen's, not the person's data.
    out.push(...page.data.map(({ policies: _p, ...r }) => r));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/**
 * The directory's own links to a person beyond the card: relations with other contacts (in
 * the export, both sides, only those whose other contact the actor may see), and the
 * duplicate-detection keys (e-mails, phones, addresses) and pairs, which hold the same data.
 * Erasure deletes them all: a relation « conjoint de » or « travaille pour » identifies.
 */
export function registerContactLinksPersonalData(): void {
  registerPersonalDataSource({
    key: 'relations',
    fetch: relationsOf,
    async erase(tx, orgId, contactId) {
      await tx
        .delete(contactRelations)
        .where(
          and(
            eq(contactRelations.orgId, orgId),
            or(eq(contactRelations.fromContactId, contactId), eq(contactRelations.toContactId, contactId)),
          ),
        );
      await forgetDuplicateCandidates(tx, orgId, contactId);
      await tx
        .delete(contactDuplicateDismissals)
        .where(
          and(
            eq(contactDuplicateDismissals.orgId, orgId),
            or(eq(contactDuplicateDismissals.contactA, contactId), eq(contactDuplicateDismissals.contactB, contactId)),
          ),
        );
    },
  });
}
