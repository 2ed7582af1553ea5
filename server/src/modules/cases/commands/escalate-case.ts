import type { TEscalateCase } from '@dircab/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { casePolicy } from '../cases.policy';
import { cases } from '../cases.schema';
import { type CaseRow, findCase } from '../queries/find-cases';

/**
 * « Alerter le maire »: the case enters the executive's alert feed with a short note, until it
 * is closed. Escalating again replaces the note and puts it back on top. 409 on a closed case.
 */
export async function escalateCase(tx: Queryable, actor: Actor, id: string, input: TEscalateCase): Promise<CaseRow> {
  const before = await findCase(tx, actor, id, true);
  if (!before) throw problems.notFound();
  if (before.status === 'closed') throw problems.conflict('Un dossier clos ne s’escalade plus : rouvrez-le d’abord.');
  if (!casePolicy.can(actor, 'escalate', before)) throw problems.forbidden();
  const [row] = await tx
    .update(cases)
    .set({ escalatedAt: sql`now()`, escalatedBy: actor.userId, escalationNote: input.note, updatedAt: sql`now()` })
    .where(and(eq(cases.orgId, actor.orgId), eq(cases.id, id)))
    .returning();
  if (!row) throw problems.notFound();
  // The note may be as sensitive as the case: the trail says that it was escalated, and by whom.
  await recordAudit(tx, actor, { action: 'case.escalate', recordType: 'case', recordId: row.id });
  return row;
}
