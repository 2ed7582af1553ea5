import type { TCaseLinkKind } from '@dircab/contracts';
import type { Queryable } from '../../platform/db/client';
import type { Actor } from '../../platform/policy/actor';

/** What the case shows of a linked record the actor may see. */
export interface LinkedRecord {
  title: string;
  url: string;
}

/**
 * A kind of record a case links to. `describe` answers null when the record does not exist or
 * the actor may not see it: linking then fails (400), and the timeline shows the link without
 * its title. Modules register their kind when loaded (notes and events will).
 */
export interface CaseLinkKind {
  kind: TCaseLinkKind;
  describe(db: Queryable, actor: Actor, recordId: string): Promise<LinkedRecord | null>;
}

const kinds = new Map<TCaseLinkKind, CaseLinkKind>();

/** Registering a kind again replaces it: several apps are built in one test process. */
export function registerCaseLinkKind(kind: CaseLinkKind): void {
  kinds.set(kind.kind, kind);
}

export function caseLinkKind(kind: TCaseLinkKind): CaseLinkKind | undefined {
  return kinds.get(kind);
}
