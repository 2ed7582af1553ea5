import type { Queryable } from '../../../../platform/db/client';
import type { Actor } from '../../../../platform/policy/actor';
import type { ItemRow } from '../../queries/find-correspondence';
import { loadForAction, moveItem } from '../load-item';

/** The lead takes the item in hand (or back, after waiting for information): `in_progress`. */
export async function acceptCorrespondence(tx: Queryable, actor: Actor, id: string): Promise<ItemRow> {
  const { row } = await loadForAction(
    tx,
    actor,
    id,
    'accept',
    ['routed', 'waiting_info'],
    'prendre en charge ce courrier',
  );
  return moveItem(tx, actor, row, 'in_progress', 'correspondence.accept');
}
