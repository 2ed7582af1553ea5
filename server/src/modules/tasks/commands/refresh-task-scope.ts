import type { TConfidentiality, TTaskLinkKind } from '@dircab/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import { tasks } from '../tasks.schema';
import { indexTask } from './index-task';

/**
 * A linked record's confidentiality or named people changed: its tasks follow, in the change's
 * transaction, so a case made confidential hides its tasks at once (lists and search).
 */
export async function refreshTaskScope(
  tx: Queryable,
  orgId: string,
  link: { kind: TTaskLinkKind; id: string },
  scope: { confidentiality: TConfidentiality; members: readonly string[] },
): Promise<void> {
  const rows = await tx
    .update(tasks)
    .set({ confidentiality: scope.confidentiality, members: [...scope.members], updatedAt: sql`now()` })
    .where(and(eq(tasks.orgId, orgId), eq(tasks.linkKind, link.kind), eq(tasks.linkId, link.id)))
    .returning();
  for (const row of rows) await indexTask(tx, row);
}
