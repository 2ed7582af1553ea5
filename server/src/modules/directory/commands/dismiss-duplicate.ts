import type { TDismissDuplicate } from '@dircab/contracts';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { contactDuplicateCandidates, contactDuplicateDismissals } from '../contact-links.schema';
import { contactPolicy } from '../directory.policy';
import { orderedPair } from '../duplicates/find-matches';
import { findContact } from '../queries/find-contacts';

/** Marks two contacts as "not the same person": the pair stops appearing in the duplicates. */
export async function dismissDuplicate(tx: Queryable, actor: Actor, id: string, input: TDismissDuplicate) {
  if (input.duplicateId === id) {
    throw problems.badRequest('Le corps de la requête contient des valeurs invalides.', [
      { path: 'duplicateId', message: 'Un contact ne peut pas être son propre doublon.', code: 'same_contact' },
    ]);
  }
  const contact = await findContact(tx, actor, id);
  const other = await findContact(tx, actor, input.duplicateId);
  if (!contact || !other) throw problems.notFound();
  if (!contactPolicy.can(actor, 'update', contact) || !contactPolicy.can(actor, 'update', other)) {
    throw problems.forbidden();
  }
  const [contactA, contactB] = orderedPair(id, input.duplicateId);
  const inserted = await tx
    .insert(contactDuplicateDismissals)
    .values({ orgId: actor.orgId, contactA, contactB, dismissedBy: actor.userId })
    .onConflictDoNothing()
    .returning({ a: contactDuplicateDismissals.contactA });
  await tx
    .delete(contactDuplicateCandidates)
    .where(
      and(
        eq(contactDuplicateCandidates.orgId, actor.orgId),
        eq(contactDuplicateCandidates.contactA, contactA),
        eq(contactDuplicateCandidates.contactB, contactB),
      ),
    );
  // Dismissing twice changes nothing and leaves one trace.
  if (inserted.length === 0) return;
  await recordAudit(tx, actor, {
    action: 'duplicate.dismiss',
    recordType: 'contact',
    recordId: id,
    summary: { duplicateId: other.id, duplicateName: other.displayName },
  });
}
