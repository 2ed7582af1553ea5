import type { TTimelineEntry, TTimelineQuery } from '@dircab/contracts';
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import { decodeCursor, encodeCursor } from '../../../platform/http/cursor';
import type { Actor } from '../../../platform/policy/actor';
import { registerDirectoryTimelineSources } from '../timeline/directory-timeline-sources';
import { newestFirst, type TimelineCursor, type TimelineItem, timelineSources } from '../timeline/timeline-registry';
import type { ContactRow } from './find-contacts';

/** The contact and, recursively, every contact merged into it (contacts_org_merged_into_idx). */
async function mergedFamily(db: Queryable, actor: Actor, contactId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`with recursive family(id, depth) as (
          select ${contactId}::uuid, 0
          union all
          select c.id, f.depth + 1 from contacts c join family f on c.merged_into_id = f.id
          where c.org_id = ${actor.orgId} and f.depth < 20
        )
        select id::text from family`,
  );
  return rows.map((r) => r.id);
}

function cursorOf(raw: string | undefined): TimelineCursor | null {
  if (!raw) return null;
  const c = decodeCursor(raw, ['at', 'id']);
  const at = new Date(c.at);
  if (Number.isNaN(at.getTime())) {
    throw problems.badRequest('Le curseur de pagination est invalide.', [
      { path: 'cursor', message: 'Curseur invalide : repartez de la première page.', code: 'invalid_cursor' },
    ]);
  }
  return { at, id: c.id };
}

/**
 * The 360° timeline of a contact the caller already checked the actor may see: every
 * registered source asked for one page, merged newest first, cut at `limit`.
 */
export async function findTimeline(
  db: Queryable,
  actor: Actor,
  contact: ContactRow,
  query: TTimelineQuery,
): Promise<{ data: TTimelineEntry[]; nextCursor: string | null }> {
  registerDirectoryTimelineSources();
  const before = cursorOf(query.cursor);
  const contactIds = await mergedFamily(db, actor, contact.id);
  // The sources are independent reads: asked together, on PostgreSQL each runs on its own
  // pooled connection and the page waits for the slowest instead of their sum.
  const pages = await Promise.all(
    timelineSources().map(async (source) => {
      const found = await source.fetch(db, actor, contact.id, { contactIds, before, limit: query.limit + 1 });
      return found.map((f) => ({ ...f, kind: source.kind }));
    }),
  );
  const items: (TimelineItem & { kind: string })[] = pages.flat();
  items.sort(newestFirst);
  const page = items.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((i) => ({
      id: i.id,
      at: i.at.toISOString(),
      kind: i.kind,
      title: i.title,
      summary: i.summary,
      link: i.link,
      actorName: i.actorName,
      undoMergeAuditId: i.undoMergeAuditId ?? null,
    })),
    nextCursor: items.length > query.limit && last ? encodeCursor({ at: last.at.toISOString(), id: last.id }) : null,
  };
}
