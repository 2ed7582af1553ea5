import { indexRecord } from '../../../platform/search/search-index';
import { searchConfidentiality } from '../cases.policy';
import type { CaseRow } from '../queries/find-cases';

/** Puts a case in the global search (kind `case`) with exactly who may find it. */
export async function indexCase(tx: Parameters<typeof indexRecord>[0], row: CaseRow): Promise<void> {
  await indexRecord(tx, {
    orgId: row.orgId,
    kind: 'case',
    recordId: row.id,
    title: row.title,
    body: [row.summary, row.topics.join(', '), row.interventionObject ?? ''].filter(Boolean).join('\n'),
    url: `/cases/${row.id}`,
    confidentiality: searchConfidentiality(row.confidentiality),
    members: row.viewers,
  });
}
