import { blocksToText, parseHtmlSubset } from '../../../platform/documents/html-subset';
import { indexRecord } from '../../../platform/search/search-index';
import { noteSearchConfidentiality } from '../notes.policy';
import type { NoteRow } from '../queries/find-notes';

/** The plain text of a note's body (search, diff). */
export function noteText(html: string): string {
  return blocksToText(parseHtmlSubset(html));
}

/** Puts a note in the global search (kind `note`) with exactly who may find it. */
export async function indexNote(tx: Parameters<typeof indexRecord>[0], row: NoteRow): Promise<void> {
  await indexRecord(tx, {
    orgId: row.orgId,
    kind: 'note',
    recordId: row.id,
    title: row.title,
    body: noteText(row.bodyHtml),
    url: `/notes/${row.id}`,
    confidentiality: noteSearchConfidentiality(row.confidentiality),
    members: row.members,
  });
}
