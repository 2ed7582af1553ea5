import type { TCloseCase } from '@dircab/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { casePolicy } from '../cases.policy';
import { cases } from '../cases.schema';
import { type CaseRow, findCase } from '../queries/find-cases';
import { indexCase } from './index-case';

/** Closes a case (it leaves the alert feed); 409 when it already is. */
export async function closeCase(tx: Queryable, actor: Actor, id: string, input: TCloseCase): Promise<CaseRow> {
  const before = await findCase(tx, actor, id, true);
  if (!before) throw problems.notFound();
  if (before.status === 'closed') throw problems.conflict('Ce dossier est déjà clos.');
  if (!casePolicy.can(actor, 'close', before)) throw problems.forbidden();
  const [row] = await tx
    .update(cases)
    .set({ status: 'closed', closedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(cases.orgId, actor.orgId), eq(cases.id, id)))
    .returning();
  if (!row) throw problems.notFound();
  await recordAudit(tx, actor, {
    action: 'case.close',
    recordType: 'case',
    recordId: row.id,
    summary: { before: { status: before.status }, after: { status: 'closed' }, outcome: input.outcome ?? null },
  });
  await indexCase(tx, row);
  return row;
}
