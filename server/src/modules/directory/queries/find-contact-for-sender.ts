import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import type { Actor } from '../../../platform/policy/actor';
import { visibleTo } from '../../../platform/policy/confidentiality';
import { contactMatchKeys } from '../contact-links.schema';
import { contacts } from '../directory.schema';

/**
 * The directory contact a letter's writer is, for other modules (correspondence): by e-mail
 * first (the `email:` match key, contact_match_keys_org_key_idx), then by exact name, accents
 * and case forgiven (contacts_org_name_key_idx). Only live contacts the actor may
 * see: a contact hidden from them is never linked (its id would leak it); null when none.
 */
export async function findContactForSender(
  db: Queryable,
  actor: Actor,
  sender: { name: string; email?: string | null | undefined },
): Promise<{ id: string } | null> {
  if (sender.email) {
    const [byEmail] = await db
      .select({ id: contacts.id })
      .from(contactMatchKeys)
      .innerJoin(contacts, eq(contacts.id, contactMatchKeys.contactId))
      .where(
        and(
          eq(contactMatchKeys.orgId, actor.orgId),
          eq(contactMatchKeys.key, `email:${sender.email.trim().toLowerCase()}`),
          liveFor(actor),
        ),
      )
      .orderBy(asc(contacts.id))
      .limit(1);
    if (byEmail) return byEmail;
  }
  const [byName] = await senderByNameQuery(db, actor, sender.name);
  return byName ?? null;
}

/** Live contacts the actor may see. */
function liveFor(actor: Actor) {
  return and(
    visibleTo(actor, { orgId: contacts.orgId, confidentiality: contacts.confidentiality, members: contacts.members }),
    isNull(contacts.deletedAt),
    isNull(contacts.anonymisedAt),
  );
}

/** The first live contact of that exact name (exported for the plan check of its test). */
export function senderByNameQuery(db: Queryable, actor: Actor, name: string) {
  return db
    .select({ id: contacts.id })
    .from(contacts)
    .where(
      and(
        eq(contacts.orgId, actor.orgId),
        sql`${contacts.nameKey} = dircab_unaccent(lower(${name.trim()}))`,
        liveFor(actor),
      ),
    )
    .orderBy(asc(contacts.id))
    .limit(1);
}
