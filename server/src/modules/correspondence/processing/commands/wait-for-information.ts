import type { Queryable } from '../../../../platform/db/client';
import type { Actor } from '../../../../platform/policy/actor';
import type { ItemRow } from '../../queries/find-correspondence';
import { loadForAction, moveItem } from '../load-item';

/** The item waits for information (from the writer or another party); `/accept` resumes it. */
export async function waitForInformation(
  tx: Queryable,
  actor: Actor,
  id: string,
  input: { comment: string },
): Promise<ItemRow> {
  const { row } = await loadForAction(
    tx,
    actor,
    id,
    'wait',
    ['routed', 'in_progress', 'reply_drafted'],
    'mettre ce courrier en attente',
  );
  return moveItem(tx, actor, row, 'waiting_info', 'correspondence.wait', { comment: input.comment });
}
