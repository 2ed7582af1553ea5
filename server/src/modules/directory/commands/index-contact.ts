import type { Queryable } from '../../../platform/db/client';
import { indexRecord } from '../../../platform/search/search-index';
import type { ContactRow } from '../queries/find-contacts';

/** Puts a contact in the global search (kind `contact`), with its own visibility. */
export async function indexContact(tx: Queryable, row: ContactRow): Promise<void> {
  await indexRecord(tx, {
    orgId: row.orgId,
    kind: 'contact',
    recordId: row.id,
    title: row.displayName,
    body: [row.formOfAddress, row.jobTitle, row.employer, ...row.emails.map((e) => e.email), ...row.tags]
      .filter(Boolean)
      .join(' · '),
    url: `/directory/contacts/${row.id}`,
    confidentiality: row.confidentiality,
    members: row.members,
  });
}
