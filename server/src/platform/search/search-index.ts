import type { TConfidentiality } from '@dircab/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { searchIndex } from './search.schema';

export interface IndexRecordInput {
  orgId: string;
  /** A stable code (`member`, `mail`, `case`…): the web names it through i18n. */
  kind: string;
  recordId: string;
  title: string;
  body?: string;
  /** Where the web opens the record. */
  url: string;
  /** The record's own visibility, copied so search filters in SQL like every query. */
  confidentiality: TConfidentiality;
  /** People named on the record (they see it even when restricted or confidential). */
  members?: readonly string[];
}

/**
 * Adds or refreshes a record in the search index. Call it in the transaction of the change,
 * so the index never shows what was rolled back nor misses what was committed.
 */
export async function indexRecord(tx: Queryable, input: IndexRecordInput): Promise<void> {
  const values = {
    title: input.title,
    body: input.body ?? '',
    url: input.url,
    confidentiality: input.confidentiality,
    members: [...(input.members ?? [])],
    updatedAt: sql`now()`,
  };
  await tx
    .insert(searchIndex)
    .values({ orgId: input.orgId, kind: input.kind, recordId: input.recordId, ...values })
    .onConflictDoUpdate({ target: [searchIndex.orgId, searchIndex.kind, searchIndex.recordId], set: values });
}

/** Removes a record from the search index (deleted, or no longer searchable), in the change's transaction. */
export async function removeFromIndex(
  tx: Queryable,
  key: { orgId: string; kind: string; recordId: string },
): Promise<void> {
  await tx
    .delete(searchIndex)
    .where(
      and(eq(searchIndex.orgId, key.orgId), eq(searchIndex.kind, key.kind), eq(searchIndex.recordId, key.recordId)),
    );
}
