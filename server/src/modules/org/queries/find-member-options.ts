import type { TMemberLookupQuery, TMemberOption, TRole } from '@dircab/contracts';
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { users } from '../../../platform/auth/auth.schema';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import { decodeCursor, encodeCursor } from '../../../platform/http/cursor';
import type { Actor } from '../../../platform/policy/actor';
import { memberships } from '../org.schema';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `%`, `_` and `\` typed by the user are letters, not LIKE wildcards. */
function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Members of the actor's organisation for a picker (the official's account, a group's
 * staff): name, role and job title only (no e-mail, no 2FA state: that is the admin's list).
 * By name then id (keyset). Scoped by the memberships primary key's org_id prefix: an
 * organisation has hundreds of members, not millions.
 */
export async function findMemberOptions(
  db: Queryable,
  actor: Actor,
  query: TMemberLookupQuery,
  /** Only these roles (a module's own picker: the reviewers of a reply). */
  options: { roles?: readonly TRole[] } = {},
): Promise<{ data: TMemberOption[]; nextCursor: string | null }> {
  const where: SQL[] = [eq(memberships.orgId, actor.orgId)];
  if (options.roles) where.push(inArray(memberships.role, [...options.roles]));
  if (query.role) where.push(eq(memberships.role, query.role));
  // A search offers active members only; the ids a form already holds are named even when
  // disabled since, so saving the form never drops a link nobody chose to remove.
  if (query.ids) where.push(inArray(memberships.userId, query.ids.split(',')));
  else where.push(eq(memberships.active, true));
  if (query.q) {
    // Accents and case ignored: « helene » finds « Hélène ».
    where.push(sql`dircab_unaccent(lower(${users.name})) like dircab_unaccent(lower(${likeContains(query.q)}))`);
  }
  if (query.cursor) {
    const c = decodeCursor(query.cursor, ['name', 'id']);
    if (!UUID.test(c.id)) {
      throw problems.badRequest('Le curseur de pagination est invalide.', [
        { path: 'cursor', message: 'Curseur invalide : repartez de la première page.', code: 'invalid_cursor' },
      ]);
    }
    where.push(sql`(${users.name}, ${memberships.userId}) > (${c.name}, ${c.id}::uuid)`);
  }
  const rows = await db
    .select({
      userId: memberships.userId,
      name: users.name,
      role: memberships.role,
      jobTitle: memberships.jobTitle,
      active: memberships.active,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(...where))
    .orderBy(asc(users.name), asc(memberships.userId))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page,
    nextCursor: rows.length > query.limit && last ? encodeCursor({ name: last.name, id: last.userId }) : null,
  };
}
