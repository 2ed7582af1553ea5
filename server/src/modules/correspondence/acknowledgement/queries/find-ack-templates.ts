import type { TAckTemplate } from '@dircab/contracts';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Queryable } from '../../../../platform/db/client';
import { pageById } from '../../../../platform/http/cursor';
import type { Actor } from '../../../../platform/policy/actor';
import { acknowledgementPolicy } from '../acknowledgement.policy';
import { correspondenceAckTemplates } from '../acknowledgement.schema';

export type AckTemplateRow = typeof correspondenceAckTemplates.$inferSelect;

export function presentAckTemplate(actor: Actor, row: AckTemplateRow): TAckTemplate {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    subject: row.subject,
    bodyHtml: row.bodyHtml,
    isDefault: row.isDefault,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    policies: {
      update: acknowledgementPolicy.can(actor, 'manageTemplates', row),
      // The default template prints every automatic acknowledgement: it is never deleted.
      delete: acknowledgementPolicy.can(actor, 'manageTemplates', row) && !row.isDefault,
    },
  };
}

/** The organisation's templates, oldest first (keyset on id: correspondence_ack_templates_org_idx). */
export async function findAckTemplates(
  db: Queryable,
  actor: Actor,
  query: { limit: number; cursor?: string | undefined },
): Promise<{ data: TAckTemplate[]; nextCursor: string | null }> {
  const t = correspondenceAckTemplates;
  return pageById(
    query,
    (afterId, limit) =>
      db
        .select()
        .from(t)
        .where(and(eq(t.orgId, actor.orgId), afterId ? gt(t.id, afterId) : undefined))
        .orderBy(asc(t.id))
        .limit(limit),
    (r) => presentAckTemplate(actor, r),
  );
}

/** One template of the actor's organisation, or null (404). */
export async function findAckTemplate(db: Queryable, orgId: string, id: string): Promise<AckTemplateRow | null> {
  const t = correspondenceAckTemplates;
  const [row] = await db
    .select()
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.id, id)));
  return row ?? null;
}
