import { indexRecord } from '../../../platform/search/search-index';
import { searchConfidentiality } from '../correspondence.policy';
import type { correspondenceItems } from '../correspondence.schema';

/** Puts an item in the global search (kind `mail`) with who may find it. */
export async function indexItem(
  tx: Parameters<typeof indexRecord>[0],
  item: typeof correspondenceItems.$inferSelect,
): Promise<void> {
  await indexRecord(tx, {
    orgId: item.orgId,
    kind: 'mail',
    recordId: item.id,
    title: `${item.registrationNumber} — ${item.subject}`,
    body: `${item.senderName}\n${item.body}`,
    url: `/correspondence/${item.id}`,
    confidentiality: searchConfidentiality(item.confidentiality),
    members: item.members,
  });
}
