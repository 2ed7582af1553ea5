import type { TCloseCorrespondence } from '@dircab/contracts';
import type { Queryable } from '../../../../platform/db/client';
import type { Actor } from '../../../../platform/policy/actor';
import { OPEN } from '../../correspondence.policy';
import type { ItemRow } from '../../queries/find-correspondence';
import { loadForAction, moveItem } from '../load-item';

/** Closes an answered item (`sent` → `closed`), or an open one without reply, with its reason. */
export async function closeCorrespondence(
  tx: Queryable,
  actor: Actor,
  id: string,
  input: TCloseCorrespondence,
): Promise<ItemRow> {
  if (input.withoutReply) {
    const { row } = await loadForAction(tx, actor, id, 'close', OPEN, 'clore ce courrier sans réponse');
    return moveItem(tx, actor, row, 'closed_without_reply', 'correspondence.close', {
      withoutReply: true,
      reason: input.reason ?? null,
    });
  }
  const { row } = await loadForAction(
    tx,
    actor,
    id,
    'close',
    ['sent'],
    'clore ce courrier avant l’envoi de sa réponse',
  );
  return moveItem(tx, actor, row, 'closed', 'correspondence.close', { reason: input.reason ?? null });
}
