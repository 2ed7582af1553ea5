import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { removeFromIndex } from '../../../platform/search/search-index';
import { contactPolicy } from '../directory.policy';
import { contacts } from '../directory.schema';
import { findContact } from '../queries/find-contacts';
import { refuseAnonymised } from './anonymised-guard';

/** Soft-deletes a contact (deleted_at): it leaves lists and search, the audit keeps who and when. */
export async function deleteContact(tx: Queryable, actor: Actor, id: string): Promise<void> {
  const before = await findContact(tx, actor, id);
  if (!before) throw problems.notFound();
  if (!contactPolicy.can(actor, 'delete', before)) throw problems.forbidden();
  refuseAnonymised(before);
  await tx
    .update(contacts)
    .set({ deletedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(contacts.orgId, actor.orgId), eq(contacts.id, id)));
  await recordAudit(tx, actor, {
    action: 'contact.delete',
    recordType: 'contact',
    recordId: id,
    summary: { before: { kind: before.kind, displayName: before.displayName } },
  });
  await removeFromIndex(tx, { orgId: actor.orgId, kind: 'contact', recordId: id });
}
