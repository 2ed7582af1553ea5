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
 * its title. Modules register their kind when loaded (decisions do; notes and events will).
 */
export interface CaseLinkKind {
  kind: TCaseLinkKind;
  describe(db: Queryable, actor: Actor, recordId: string): Promise<LinkedRecord | null>;
  /**
   * Records of this kind that name the case themselves (a decision taken on the case), which
   * the actor may see, newest first (UUIDv7 ids), strictly before `beforeId`: the timeline
   * shows them without a link row.
   */
  recordsAbout?(
    db: Queryable,
    actor: Actor,
    caseId: string,
    beforeId: string | null,
    limit: number,
  ): Promise<RecordAboutCase[]>;
}

/** A record naming the case, as the timeline shows it. */
export interface RecordAboutCase {
  id: string;
  at: Date;
  title: string;
  detail: string | null;
  url: string;
  actorName: string | null;
}

const kinds = new Map<TCaseLinkKind, CaseLinkKind>();

/** Registering a kind again replaces it: several apps are built in one test process. */
export function registerCaseLinkKind(kind: CaseLinkKind): void {
  kinds.set(kind.kind, kind);
}

export function caseLinkKind(kind: TCaseLinkKind): CaseLinkKind | undefined {
  return kinds.get(kind);
}

/** The kinds whose records name a case themselves (their entries join the timeline). */
export function kindsWithRecordsAbout(): CaseLinkKind[] {
  return [...kinds.values()].filter((k) => k.recordsAbout);
}
