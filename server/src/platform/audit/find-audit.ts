import type { TAuditEntry, TAuditQuery } from '@dircab/contracts';
import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import { users } from '../auth/auth.schema';
import type { Queryable } from '../db/client';
import { decodeCursor, encodeCursor } from '../http/cursor';
import type { Actor } from '../policy/actor';
import { auditLog } from './audit.schema';

/** Audit entries of the actor's organisation, newest first, keyset-paginated. */
export async function findAudit(
  db: Queryable,
  actor: Actor,
  query: TAuditQuery,
): Promise<{ data: TAuditEntry[]; nextCursor: string | null }> {
  const where: (SQL | undefined)[] = [eq(auditLog.orgId, actor.orgId)];
  if (query.recordType) where.push(eq(auditLog.recordType, query.recordType));
  if (query.recordId) where.push(eq(auditLog.recordId, query.recordId));
  if (query.actorId) where.push(eq(auditLog.actorId, query.actorId));
  if (query.from) where.push(gte(auditLog.at, new Date(query.from)));
  if (query.to) where.push(lte(auditLog.at, new Date(query.to)));
  if (query.cursor) {
    where.push(lt(auditLog.id, decodeCursor(query.cursor, ['id']).id));
  }
  const rows = await db
    .select({
      id: auditLog.id,
      actorId: auditLog.actorId,
      actorName: users.name,
      action: auditLog.action,
      recordType: auditLog.recordType,
      recordId: auditLog.recordId,
      summary: auditLog.summary,
      ip: auditLog.ip,
      at: auditLog.at,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((r) => ({ ...r, at: r.at.toISOString() })),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ id: last.id }) : null,
  };
}
