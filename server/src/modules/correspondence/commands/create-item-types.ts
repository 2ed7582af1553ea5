import type { Queryable } from '../../../platform/db/client';
import { correspondenceItemTypes } from '../correspondence.schema';

export type NewItemType = Omit<typeof correspondenceItemTypes.$inferInsert, 'id' | 'orgId' | 'createdAt' | 'updatedAt'>;

/**
 * The usual kinds of item of a town hall's mail. « Demande d'administré » is a request subject
 * to a decision where silence is acceptance (CRPA L.231-1, the rule); a subsidy request is one
 * of the exceptions where silence is rejection (décret 2014-1273 and L.231-4).
 */
export const STANDARD_ITEM_TYPES: readonly NewItemType[] = [
  { code: 'courrier', label: 'Courrier simple', acknowledgementDue: false, processingWorkingDays: 15 },
  {
    code: 'demande',
    label: 'Demande d’administré',
    acknowledgementDue: true,
    implicitDecisionRule: 'acceptance',
    implicitDecisionMonths: 2,
    processingWorkingDays: 10,
  },
  {
    code: 'demande_subvention',
    label: 'Demande de subvention',
    acknowledgementDue: true,
    implicitDecisionRule: 'rejection',
    implicitDecisionMonths: 2,
    processingWorkingDays: 20,
  },
  { code: 'invitation', label: 'Invitation', acknowledgementDue: false, processingWorkingDays: 5 },
  { code: 'reclamation', label: 'Réclamation', acknowledgementDue: true, processingWorkingDays: 10 },
  { code: 'petition', label: 'Pétition', acknowledgementDue: true, processingWorkingDays: 30 },
];

/**
 * Adds item types to an organisation (the demo and the tests; an administration screen comes
 * with the module's settings). A code the organisation already has is left as it is.
 */
export async function createItemTypes(
  tx: Queryable,
  orgId: string,
  types: readonly NewItemType[] = STANDARD_ITEM_TYPES,
): Promise<(typeof correspondenceItemTypes.$inferSelect)[]> {
  if (types.length === 0) return [];
  return tx
    .insert(correspondenceItemTypes)
    .values(types.map((type) => ({ ...type, orgId })))
    .onConflictDoNothing()
    .returning();
}
