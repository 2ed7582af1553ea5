import { ANONYMISED_NAME } from '@dircab/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../../../platform/audit/record-audit';
import type { Queryable } from '../../../../platform/db/client';
import type { Actor } from '../../../../platform/policy/actor';
import { removeFromIndex } from '../../../../platform/search/search-index';
import { sortKey } from '../../contact-names';
import { contacts } from '../../directory.schema';
import { contactIdentities, mandates, officials } from '../../officials.schema';
import { suppressErasedContact } from '../erasure-suppression';
import { personalDataSources } from '../personal-data-sources';
import type { RetentionCategory } from '../retention-defaults';

export interface AnonymiseInput {
  orgId: string;
  contactId: string;
  /** `retention`: the daily job; `erasure`: a person's request, with its reason. */
  trigger: 'retention' | 'erasure';
  category: RetentionCategory;
  reason?: string;
}

/**
 * Strips a person's data from a contact, in the caller's transaction; the row stays (other
 * records point at it) as « Contact anonymisé ». Identities go, so a re-import creates a new
 * contact; mandates and the official record go too (a function and its dates identify a person).
 * Returns false when the contact was already anonymised: the job may run twice.
 * The audit summary names no one (see docs/ARCHITECTURE.md, « Données personnelles »).
 */
export async function anonymiseContact(tx: Queryable, actor: Actor | null, input: AnonymiseInput): Promise<boolean> {
  const { orgId, contactId } = input;
  const now = new Date();
  // Only an erasure on request feeds the suppression list. The retention job's expiry is the
  // cabinet's own clock running out: the person objected to nothing, and if they turn up again
  // in a new file (a letter, an election) the cabinet has a new reason to hold their data; a
  // hash kept for everyone ever expired would also be a lasting trace of all of them. A request
  // is an objection the cabinet must keep honouring, and a keyed hash is the least it can keep
  // to do so (erasure-suppression.ts).
  if (input.trigger === 'erasure') await suppressErasedContact(tx, orgId, contactId);
  const [row] = await tx
    .update(contacts)
    .set({
      civility: null,
      firstName: null,
      lastName: ANONYMISED_NAME,
      name: null,
      formOfAddress: null,
      jobTitle: null,
      employer: null,
      addresses: [],
      emails: [],
      phones: [],
      tags: [],
      notes: null,
      consent: false,
      consentDate: null,
      displayName: ANONYMISED_NAME,
      sortName: sortKey(ANONYMISED_NAME),
      anonymisedAt: now,
      // Out of any merge: undoing one would bring the person's data back from the merge's audit.
      mergedIntoId: null,
      updatedAt: now,
    })
    .where(and(eq(contacts.orgId, orgId), eq(contacts.id, contactId), isNull(contacts.anonymisedAt)))
    .returning({ id: contacts.id, kind: contacts.kind });
  if (!row) return false;
  await tx
    .delete(contactIdentities)
    .where(and(eq(contactIdentities.orgId, orgId), eq(contactIdentities.contactId, contactId)));
  const removedOfficials = await tx
    .delete(officials)
    .where(and(eq(officials.orgId, orgId), eq(officials.contactId, contactId)))
    .returning({ id: officials.id });
  await tx.delete(mandates).where(and(eq(mandates.orgId, orgId), eq(mandates.contactId, contactId)));
  await removeFromIndex(tx, { orgId, kind: 'contact', recordId: contactId });
  for (const o of removedOfficials) await removeFromIndex(tx, { orgId, kind: 'official', recordId: o.id });
  for (const source of personalDataSources()) await source.erase?.(tx, orgId, contactId);
  // A contact merged into this one is the same person: its card still holds their old data.
  const merged = await tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), eq(contacts.mergedIntoId, contactId), isNull(contacts.anonymisedAt)));
  for (const m of merged) await anonymiseContact(tx, actor, { ...input, contactId: m.id });
  await recordAudit(
    tx,
    actor,
    {
      action: input.trigger === 'erasure' ? 'contact.erase' : 'contact.anonymise',
      recordType: 'contact',
      recordId: contactId,
      summary: {
        trigger: input.trigger,
        category: input.category,
        ...(input.reason ? { reason: input.reason } : {}),
      },
    },
    orgId,
  );
  return true;
}
