import type { TManagedItemType } from '@dircab/contracts';
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../../../platform/db/client';
import { problems } from '../../../../platform/errors/problem';
import type { Actor } from '../../../../platform/policy/actor';
import { correspondenceItemTypes } from '../../correspondence.schema';
import { itemTypePolicy } from '../follow-up.policy';

export type ItemTypeRow = typeof correspondenceItemTypes.$inferSelect;

export function presentItemType(actor: Actor, row: ItemTypeRow): TManagedItemType {
  return {
    id: row.id,
    code: row.code,
    label: row.label,
    acknowledgementDue: row.acknowledgementDue,
    implicitDecisionRule: row.implicitDecisionRule,
    implicitDecisionMonths: row.implicitDecisionMonths,
    processingWorkingDays: row.processingWorkingDays,
    // Per type: what may be done with it (creating one is the list's own policy).
    policies: {
      update: itemTypePolicy.can(actor, 'update', row),
      delete: itemTypePolicy.can(actor, 'delete', row),
    },
  };
}

/** One of the organisation's item types, locked for a change; 404 when it is not there. */
export async function lockItemType(tx: Queryable, actor: Actor, id: string): Promise<ItemTypeRow> {
  const [row] = await tx
    .select()
    .from(correspondenceItemTypes)
    .where(and(eq(correspondenceItemTypes.orgId, actor.orgId), eq(correspondenceItemTypes.id, id)))
    .for('update');
  if (!row) throw problems.notFound();
  return row;
}

export const codeTaken = (code: string) =>
  problems.conflict('Ce code de type de courrier existe déjà.', [
    { path: 'code', message: `Le code « ${code} » est déjà utilisé par un autre type.`, code: 'code_taken' },
  ]);
