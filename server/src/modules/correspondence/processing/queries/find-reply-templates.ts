import type { TReplyTemplate } from '@dircab/contracts';
import { and, asc, eq, gt, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../../../platform/db/client';
import { decodeCursor, encodeCursor } from '../../../../platform/http/cursor';
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
  const where: SQL[] = [eq(t.orgId, actor.orgId)];
  if (query.cursor) where.push(gt(t.id, decodeCursor(query.cursor, ['id']).id));
  const rows = await db
    .select()
    .from(t)
    .where(and(...where))
    .orderBy(asc(t.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((r) => presentReplyTemplate(actor, r)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ id: last.id }) : null,
  };
}

/** One template of the actor's organisation, or null (404). */
export async function findReplyTemplate(db: Queryable, actor: Actor, id: string): Promise<ReplyTemplateRow | null> {
  const [row] = await db
    .select()
    .from(correspondenceReplyTemplates)
    .where(and(eq(correspondenceReplyTemplates.orgId, actor.orgId), eq(correspondenceReplyTemplates.id, id)));
  return row ?? null;
}
