import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import type { Actor } from '../../../platform/policy/actor';
import type { ContactRow } from '../queries/find-contacts';

/** Reading a confidential contact leaves a trace (who looked, when). */
export async function auditConfidentialRead(tx: Queryable, actor: Actor, row: ContactRow): Promise<void> {
  if (row.confidentiality !== 'confidential') return;
  await recordAudit(tx, actor, { action: 'contact.read', recordType: 'contact', recordId: row.id });
}
