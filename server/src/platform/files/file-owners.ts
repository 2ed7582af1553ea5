import type { Queryable } from '../db/client';
import type { Actor } from '../policy/actor';

/** Whether the actor may see the record a file belongs to (the record's own visibility). */
export type FileOwnerCheck = (db: Queryable, actor: Actor, ownerId: string) => Promise<boolean>;

const owners = new Map<string, FileOwnerCheck>();

/**
 * Declares who may fetch the files of a kind of record: the module that owns the record
 * registers its visibility check. A kind nobody registered is never served (deny by default).
 */
export function registerFileOwner(kind: string, check: FileOwnerCheck): void {
  owners.set(kind, check);
}

/** True when the actor may see the file's owning record. */
export async function mayReadFileOf(db: Queryable, actor: Actor, kind: string, ownerId: string): Promise<boolean> {
  const check = owners.get(kind);
  return check ? check(db, actor, ownerId) : false;
}
