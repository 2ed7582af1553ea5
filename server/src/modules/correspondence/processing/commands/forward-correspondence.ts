import type { TForwardCorrespondence } from '@dircab/contracts';
import type { Queryable } from '../../../../platform/db/client';
import type { Actor } from '../../../../platform/policy/actor';
import { FORWARDABLE } from '../../correspondence.policy';
import type { ItemRow } from '../../queries/find-correspondence';
import { loadForAction, moveItem } from '../load-item';

/**
 * The request belongs to another authority (the State, the province, another commune): it is
 * sent on to it, which CRPA L.114-2 requires, and the writer must be told. The audit keeps the
 * authority and the article; the letter to the writer is drafted like any reply.
 */
export async function forwardCorrespondence(
  tx: Queryable,
  actor: Actor,
  id: string,
  input: TForwardCorrespondence,
): Promise<ItemRow> {
  const { row } = await loadForAction(tx, actor, id, 'forward', FORWARDABLE, 'transmettre ce courrier');
  return moveItem(tx, actor, row, 'forwarded', 'correspondence.forward', {
    authority: input.authority,
    comment: input.comment ?? null,
    legalBasis: 'CRPA L.114-2',
  });
}
