import type { TBulkTags, TBulkTagsResult } from '@dircab/contracts';
import { TAG_MAX_COUNT } from '@dircab/contracts/correspondence';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { indexItem } from '../commands/index-item';
import { correspondencePolicy } from '../correspondence.policy';
import { correspondenceItems } from '../correspondence.schema';
import { NO_FACTS } from '../processing/queries/find-circuit-facts';
import { findItem } from '../queries/find-correspondence';
import { findViewer } from '../queries/find-viewer';
import { changedTags, withTags } from './item-tags';

/**
 * Adds and removes tags on several items (the inbox's bulk action, and the tag picker on one
 * row). Each item the actor may not see or tag is skipped, not an error: a selection may hold
 * items whose state changed meanwhile. Items are locked in id order (two bulk actions on
 * overlapping selections never deadlock). Each change is audited; a no-op writes nothing.
 */
export async function bulkTagItems(tx: Queryable, actor: Actor, input: TBulkTags): Promise<TBulkTagsResult> {
  const viewer = await findViewer(tx, actor);
  const ids = [...new Set(input.itemIds.map((id) => id.toLowerCase()))].sort();
  const skippedIds: string[] = [];
  let updated = 0;
  for (const id of ids) {
    const before = await findItem(tx, actor, id, true);
    if (!before || !correspondencePolicy.can(actor, 'tag', { ...before, ...NO_FACTS, viewer })) {
      skippedIds.push(id);
      continue;
    }
    updated++;
    const tags = changedTags(before.tags, input.add, input.remove);
    if (tags.length > TAG_MAX_COUNT && tags.length > before.tags.length) {
      // The whole request fails (the transaction writes nothing): the caller learns which item.
      throw problems.badRequest(
        `Le courrier ${before.registrationNumber} aurait plus de ${TAG_MAX_COUNT} étiquettes.`,
        [
          {
            path: 'add',
            message: `Au plus ${TAG_MAX_COUNT} étiquettes par courrier : retirez-en d’abord.`,
            code: 'too_many_tags',
          },
        ],
      );
    }
    if (tags.join('\u0000') === before.tags.join('\u0000')) continue;
    const [row] = await tx
      .update(correspondenceItems)
      .set({ ...withTags(tags), updatedAt: sql`now()` })
      .where(and(eq(correspondenceItems.orgId, actor.orgId), eq(correspondenceItems.id, id)))
      .returning();
    if (!row) throw new Error('tagged item vanished');
    await recordAudit(tx, actor, {
      action: 'correspondence.tag',
      recordType: 'correspondence',
      recordId: id,
      summary: { before: { tags: before.tags }, after: { tags: row.tags } },
    });
    // The search finds an item by its tags: the entry follows the change.
    await indexItem(tx, row);
  }
  return { updated, skippedIds };
}
