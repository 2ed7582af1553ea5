import type { TCaseLink, TCaseLinkKind } from '@dircab/contracts';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import { decodeCursor, encodeCursor } from '../../../platform/http/cursor';
import type { Actor } from '../../../platform/policy/actor';
import { caseLinkKind } from '../case-link-kinds';
import { casePolicy } from '../cases.policy';
import { caseLinks } from '../cases.schema';
import type { CaseRow } from './find-cases';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A case's links, newest first (keyset on id), optionally of one kind. Each names its record
 * only when the actor may see that record: a link to a hidden item keeps its place, not its title.
 */
export async function findCaseLinks(
  db: Queryable,
  actor: Actor,
  found: CaseRow,
  query: { limit: number; cursor?: string | undefined; kind?: TCaseLinkKind | undefined },
): Promise<{ data: TCaseLink[]; nextCursor: string | null }> {
  const where: SQL[] = [eq(caseLinks.orgId, actor.orgId), eq(caseLinks.caseId, found.id)];
  if (query.kind) where.push(eq(caseLinks.kind, query.kind));
  if (query.cursor) {
    const c = decodeCursor(query.cursor, ['id']);
    if (!UUID.test(c.id)) {
      throw problems.badRequest('Le curseur de pagination est invalide.', [
        { path: 'cursor', message: 'Curseur invalide : repartez de la première page.', code: 'invalid_cursor' },
      ]);
    }
    where.push(sql`${caseLinks.id} < ${c.id}::uuid`);
  }
  const rows = await db
    .select()
    .from(caseLinks)
    .where(and(...where))
    .orderBy(sql`${caseLinks.id} desc`)
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const mayUnlink = casePolicy.can(actor, 'link', found);
  const data: TCaseLink[] = [];
  for (const link of page) {
    const record = await caseLinkKind(link.kind)?.describe(db, actor, link.recordId);
    data.push(presentCaseLink(link, record ?? null, mayUnlink));
  }
  const last = page.at(-1);
  return { data, nextCursor: rows.length > query.limit && last ? encodeCursor({ id: last.id }) : null };
}

export function presentCaseLink(
  link: typeof caseLinks.$inferSelect,
  record: { title: string; url: string } | null,
  mayUnlink: boolean,
): TCaseLink {
  return {
    id: link.id,
    kind: link.kind,
    recordId: link.recordId,
    title: record?.title ?? null,
    url: record?.url ?? null,
    createdAt: link.createdAt.toISOString(),
    policies: { delete: mayUnlink },
  };
}
