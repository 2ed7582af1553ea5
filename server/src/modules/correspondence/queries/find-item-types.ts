import type { TCorrespondenceItemType, TPolicies } from '@dircab/contracts';
import { and, asc, eq, gt, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import { decodeCursor, encodeCursor } from '../../../platform/http/cursor';
import type { Actor } from '../../../platform/policy/actor';
import { correspondenceItemTypes } from '../correspondence.schema';
import { presentItemType } from '../follow-up/commands/item-type-changes';
import { itemTypePolicy } from '../follow-up/follow-up.policy';

/** The organisation's item types by code (keyset on the unique (org_id, code) index), each with what the actor may do with it. */
export async function findItemTypes(
  db: Queryable,
  actor: Actor,
  query: { limit: number; cursor?: string | undefined },
): Promise<{ data: TCorrespondenceItemType[]; nextCursor: string | null; policies: TPolicies }> {
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
    data: page.map((r) => presentItemType(actor, r)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ code: last.code }) : null,
    // The settings screen offers « new type » from this, not from a copy of the roles.
    policies: { create: itemTypePolicy.can(actor, 'create', { orgId: actor.orgId }) },
  };
}
