import type { TAckTemplate } from '@dircab/contracts';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Queryable } from '../../../../platform/db/client';
import { problems } from '../../../../platform/errors/problem';
import { decodeCursor, encodeCursor } from '../../../../platform/http/cursor';
import type { Actor } from '../../../../platform/policy/actor';
import { acknowledgementPolicy } from '../acknowledgement.policy';
import { correspondenceAckTemplates } from '../acknowledgement.schema';

export type AckTemplateRow = typeof correspondenceAckTemplates.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
    policies: { update: acknowledgementPolicy.can(actor, 'manageTemplates', row) },
  };
}

/** The organisation's templates, oldest first (keyset on id: correspondence_ack_templates_org_idx). */
export async function findAckTemplates(
  db: Queryable,
  actor: Actor,
  query: { limit: number; cursor?: string | undefined },
): Promise<{ data: TAckTemplate[]; nextCursor: string | null }> {
  const t = correspondenceAckTemplates;
  const where = [eq(t.orgId, actor.orgId)];
  if (query.cursor) {
    const c = decodeCursor(query.cursor, ['id']);
    if (!UUID.test(c.id)) {
      throw problems.badRequest('Le curseur de pagination est invalide.', [
        { path: 'cursor', message: 'Curseur invalide : repartez de la première page.', code: 'invalid_cursor' },
      ]);
    }
    where.push(gt(t.id, c.id));
  }
  const rows = await db
    .select()
    .from(t)
    .where(and(...where))
    .orderBy(asc(t.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((r) => presentAckTemplate(actor, r)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ id: last.id }) : null,
  };
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
