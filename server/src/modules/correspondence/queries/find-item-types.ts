import type { TCorrespondenceItemType } from '@dircab/contracts';
import { and, asc, eq, gt, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import { decodeCursor, encodeCursor } from '../../../platform/http/cursor';
import type { Actor } from '../../../platform/policy/actor';
import { correspondenceItemTypes } from '../correspondence.schema';

/** The organisation's item types by code (keyset on the unique (org_id, code) index). */
export async function findItemTypes(
  db: Queryable,
  actor: Actor,
  query: { limit: number; cursor?: string | undefined },
): Promise<{ data: TCorrespondenceItemType[]; nextCursor: string | null }> {
  const t = correspondenceItemTypes;
  const where: SQL[] = [eq(t.orgId, actor.orgId)];
  if (query.cursor) where.push(gt(t.code, decodeCursor(query.cursor, ['code']).code));
  const rows = await db
    .select()
    .from(t)
    .where(and(...where))
    .orderBy(asc(t.code))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((r) => ({
      id: r.id,
      code: r.code,
      label: r.label,
      acknowledgementDue: r.acknowledgementDue,
      implicitDecisionRule: r.implicitDecisionRule,
      implicitDecisionMonths: r.implicitDecisionMonths,
      processingWorkingDays: r.processingWorkingDays,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ code: last.code }) : null,
  };
}
