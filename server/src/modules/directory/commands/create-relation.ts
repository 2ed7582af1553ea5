import type { TCreateRelation } from '@dircab/contracts';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { contactRelations } from '../contact-links.schema';
import { findContact } from '../queries/find-contacts';
import { refuseAnonymised } from './anonymised-guard';
import { duplicateRelation, editableContact, type RelationRow, sameRelationExists } from './relation-checks';

/**
 * Relates the page's contact to another one (`outgoing`: the page's contact is the subject,
 * « Julie travaille pour X »; `incoming`: the object). Audited on the page's contact.
 */
export async function createRelation(
  tx: Queryable,
  actor: Actor,
  contactId: string,
  input: TCreateRelation,
): Promise<RelationRow> {
  const contact = await editableContact(tx, actor, contactId);
  refuseAnonymised(contact);
  if (input.otherContactId === contactId) {
    throw problems.badRequest('Le corps de la requête contient des valeurs invalides.', [
      { path: 'otherContactId', message: 'Un contact ne peut pas être en relation avec lui-même.', code: 'self' },
    ]);
  }
  const other = await findContact(tx, actor, input.otherContactId);
  if (!other) {
    throw problems.badRequest('Le corps de la requête contient des valeurs invalides.', [
      { path: 'otherContactId', message: 'Ce contact n’existe pas.', code: 'unknown_contact' },
    ]);
  }
  refuseAnonymised(other, 'otherContactId');
  const outgoing = input.direction === 'outgoing';
  const values = {
    orgId: actor.orgId,
    fromContactId: outgoing ? contact.id : other.id,
    toContactId: outgoing ? other.id : contact.id,
    kind: input.kind,
    label: input.label ?? null,
    startDate: input.startDate ?? null,
    endDate: input.endDate ?? null,
  };
  if (await sameRelationExists(tx, actor.orgId, values)) throw duplicateRelation();
  const [row] = await tx.insert(contactRelations).values(values).returning();
  if (!row) throw new Error('relation not created');
  await recordAudit(tx, actor, {
    action: 'relation.create',
    recordType: 'contact',
    recordId: contact.id,
    summary: {
      relationId: row.id,
      after: { ...values, orgId: undefined, direction: input.direction, otherContactId: other.id },
    },
  });
  return row;
}
