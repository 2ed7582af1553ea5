import { indexRecord } from '../../../platform/search/search-index';
import type { tasks } from '../tasks.schema';

/**
 * Puts a task in the global search (kind `task`). A normal task is indexed `restricted`: the
 * kernel's `normal` would let officials and services find every task; the cabinet, the
 * assignee, the creator and the linked record's people are who see it here.
 */
export async function indexTask(tx: Parameters<typeof indexRecord>[0], row: typeof tasks.$inferSelect): Promise<void> {
  const named = [...row.members, row.assigneeUserId, row.createdBy].filter((id): id is string => !!id);
  await indexRecord(tx, {
    orgId: row.orgId,
    kind: 'task',
    recordId: row.id,
    title: row.title,
    body: row.description,
    url: `/tasks/${row.id}`,
    confidentiality: row.confidentiality === 'normal' ? 'restricted' : row.confidentiality,
    members: [...new Set(named)],
  });
}
