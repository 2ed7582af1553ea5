import type { TUpdateRelation } from '@dircab/contracts';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { contactRelations } from '../contact-links.schema';
import {
  duplicateRelation,
  editableContact,
  type RelationRow,
  relationOf,
  sameRelationExists,
} from './relation-checks';

/** Changes a relation's kind, label or dates (not its ends); the audit keeps before and after. */
export async function updateRelation(
  tx: Queryable,
  actor: Actor,
  contactId: string,
  relationId: string,
  input: TUpdateRelation,
): Promise<{ relation: RelationRow; other: { id: string; displayName: string; kind: 'person' | 'organisation' } }> {
  await editableContact(tx, actor, contactId);
  const { relation, other } = await relationOf(tx, actor, contactId, relationId);
  const next = {
    kind: input.kind ?? relation.kind,
    label: input.label === undefined ? relation.label : input.label,
    startDate: input.startDate === undefined ? relation.startDate : input.startDate,
    endDate: input.endDate === undefined ? relation.endDate : input.endDate,
  };
  const errors = [];
  if (next.startDate && next.endDate && next.startDate > next.endDate) {
    errors.push({ path: 'endDate', message: 'La date de fin précède la date de début.', code: 'dates' });
  }
  if (next.kind === 'other' && !next.label) {
    errors.push({ path: 'label', message: 'Précisez la nature de la relation.', code: 'required' });
  }
  if (errors.length) throw problems.badRequest('Le corps de la requête contient des valeurs invalides.', errors);
  if (await sameRelationExists(tx, actor.orgId, { ...relation, ...next }, relation.id)) throw duplicateRelation();
  const [row] = await tx
    .update(contactRelations)
    .set({ ...next, updatedAt: new Date() })
    .where(and(eq(contactRelations.orgId, actor.orgId), eq(contactRelations.id, relationId)))
    .returning();
  if (!row) throw problems.notFound();
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof typeof next)[]) {
    if (relation[key] !== next[key]) {
      before[key] = relation[key];
      after[key] = next[key];
    }
  }
  await recordAudit(tx, actor, {
    action: 'relation.update',
    recordType: 'contact',
    recordId: contactId,
    summary: { relationId, otherContactId: other.id, kind: row.kind, before, after },
  });
  return { relation: row, other };
}
