import type { TReplyTemplate } from '@dircab/contracts';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Queryable } from '../../../../platform/db/client';
import { pageById } from '../../../../platform/http/cursor';
import type { Actor } from '../../../../platform/policy/actor';
import { CORRESPONDENCE_ROLES } from '../../correspondence.policy';
import { correspondenceReplyTemplates } from '../processing.schema';

export type ReplyTemplateRow = typeof correspondenceReplyTemplates.$inferSelect;

/** The cabinet keeps the templates; whoever drafts replies uses them. */
export function presentReplyTemplate(actor: Actor, row: ReplyTemplateRow): TReplyTemplate {
  const manage = CORRESPONDENCE_ROLES.register.includes(actor.role);
  return {
    id: row.id,
    name: row.name,
    subject: row.subject,
    bodyHtml: row.bodyHtml,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    policies: { update: manage, delete: manage },
  };
}

/** The organisation's reply templates, by id (correspondence_reply_templates_org_idx). */
export async function findReplyTemplates(
  db: Queryable,
  actor: Actor,
  query: { limit: number; cursor?: string | undefined },
): Promise<{ data: TReplyTemplate[]; nextCursor: string | null }> {
  const t = correspondenceReplyTemplates;
  return pageById(
    query,
    (afterId, limit) =>
      db
        .select()
        .from(t)
        .where(and(eq(t.orgId, actor.orgId), afterId ? gt(t.id, afterId) : undefined))
        .orderBy(asc(t.id))
        .limit(limit),
    (r) => presentReplyTemplate(actor, r),
  );
}

/** One template of the actor's organisation, or null (404). */
export async function findReplyTemplate(db: Queryable, actor: Actor, id: string): Promise<ReplyTemplateRow | null> {
  const [row] = await db
    .select()
    .from(correspondenceReplyTemplates)
    .where(and(eq(correspondenceReplyTemplates.orgId, actor.orgId), eq(correspondenceReplyTemplates.id, id)));
  return row ?? null;
}
