import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import type { Actor } from '../../../platform/policy/actor';
import type { CaseRow } from '../queries/find-cases';

/** Reading a confidential case leaves a trace (who looked, when, through which screen). */
export async function auditConfidentialRead(
  tx: Queryable,
  actor: Actor,
  row: Pick<CaseRow, 'id' | 'confidentiality'>,
  via: 'case' | 'timeline' | 'links' | 'export' = 'case',
): Promise<void> {
  if (row.confidentiality !== 'confidential') return;
  await recordAudit(tx, actor, { action: 'case.read', recordType: 'case', recordId: row.id, summary: { via } });
}
