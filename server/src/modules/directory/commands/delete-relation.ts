import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import type { Actor } from '../../../platform/policy/actor';
import { contactRelations } from '../contact-links.schema';
import { editableContact, relationOf } from './relation-checks';

/** Removes a relation; the audit keeps all of it. */
export async function deleteRelation(tx: Queryable, actor: Actor, contactId: string, relationId: string) {
  await editableContact(tx, actor, contactId);
  const { relation } = await relationOf(tx, actor, contactId, relationId);
  await tx
    .delete(contactRelations)
    .where(and(eq(contactRelations.orgId, actor.orgId), eq(contactRelations.id, relationId)));
  await recordAudit(tx, actor, {
    action: 'relation.delete',
    recordType: 'contact',
    recordId: contactId,
    summary: {
      relationId,
      before: {
        fromContactId: relation.fromContactId,
        toContactId: relation.toContactId,
        kind: relation.kind,
        label: relation.label,
        startDate: relation.startDate,
        endDate: relation.endDate,
      },
    },
  });
}
