import { indexRecord } from '../../../platform/search/search-index';
import { decisionSearchConfidentiality } from '../decisions.policy';
import type { decisions } from '../decisions.schema';

/** Puts a decision in the global search (kind `decision`) with exactly who may find it. */
export async function indexDecision(
  tx: Parameters<typeof indexRecord>[0],
  row: typeof decisions.$inferSelect,
): Promise<void> {
  await indexRecord(tx, {
    orgId: row.orgId,
    kind: 'decision',
    recordId: row.id,
    title: row.title.slice(0, 300),
    body: row.detail,
    // The web shows a decision under the notes: /notes/decisions/:id (migration 0031 fixed the old links).
    url: `/notes/decisions/${row.id}`,
    confidentiality: decisionSearchConfidentiality(row.confidentiality),
    members: row.members,
  });
}
