import type { Queryable } from '../../../platform/db/client';
import type { Actor } from '../../../platform/policy/actor';

/** Where the next page starts: entries strictly older than (at, id), newest first. */
export interface TimelineCursor {
  /** Millisecond precision: sources compare date_trunc('milliseconds', …). */
  at: Date;
  id: string;
}

export interface TimelineFetch {
  /** The contact and every contact merged into it (their history is its history). */
  contactIds: readonly string[];
  before: TimelineCursor | null;
  limit: number;
}

export interface TimelineItem {
  /** Unique across sources, `<kind>:<record id>[:<suffix>]`; the tie-break after `at`. */
  id: string;
  at: Date;
  title: string;
  summary: string | null;
  link: string | null;
  actorName: string | null;
  undoMergeAuditId?: string | null;
}

/**
 * A module's contribution to the 360° page. `fetch` returns at most `limit` items about these
 * contacts that the actor may see, newest first by (at, id) with ids compared byte-wise
 * (`collate "C"` in SQL), all strictly before the cursor.
 */
export interface TimelineSource {
  kind: string;
  fetch(db: Queryable, actor: Actor, contactId: string, query: TimelineFetch): Promise<TimelineItem[]>;
}

const sources = new Map<string, TimelineSource>();

/** Registers a source once per kind (correspondence, agenda and cases call it when loaded). */
export function registerTimelineSource(source: TimelineSource): void {
  const known = sources.get(source.kind);
  if (known && known !== source) throw new Error(`timeline source "${source.kind}" is already registered`);
  sources.set(source.kind, source);
}

export function timelineSources(): readonly TimelineSource[] {
  return [...sources.values()];
}

/** Newest first; equal times by id, descending, byte-wise (as `collate "C"`). */
export function newestFirst(a: { at: Date; id: string }, b: { at: Date; id: string }): number {
  const dt = b.at.getTime() - a.at.getTime();
  if (dt !== 0) return dt;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
