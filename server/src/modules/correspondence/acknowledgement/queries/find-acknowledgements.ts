import type { TAcknowledgement } from '@dircab/contracts';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../../../platform/db/client';
import { problems } from '../../../../platform/errors/problem';
import { decodeCursor, encodeCursor } from '../../../../platform/http/cursor';
import { jobs } from '../../../../platform/jobs/jobs.schema';
import type { Actor } from '../../../../platform/policy/actor';
import { acknowledgementPolicy } from '../acknowledgement.policy';
import { correspondenceAcknowledgements } from '../acknowledgement.schema';

type AcknowledgementRow = typeof correspondenceAcknowledgements.$inferSelect;
type JobStatus = TAcknowledgement['emailStatus'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function presentAcknowledgement(
  actor: Actor,
  row: AcknowledgementRow,
  emailStatus: JobStatus,
): TAcknowledgement {
  return {
    id: row.id,
    itemId: row.itemId,
    channel: row.channel,
    recipient: row.recipient,
    sentAt: row.sentAt.toISOString(),
    sentBy: row.sentBy,
    emailJobId: row.emailJobId,
    templateId: row.templateId,
    automatic: row.automatic,
    emailStatus,
    // Sending again is allowed (a lost email, a new address): the same rule as the first time.
    policies: { send: acknowledgementPolicy.can(actor, 'send', { orgId: row.orgId, direction: 'in' }) },
  };
}

/**
 * The acknowledgements given for an item the caller has found visible, newest first, with
 * where each email stands (correspondence_acknowledgements_item_idx, then the job by its key).
 */
export async function findAcknowledgements(
  db: Queryable,
  actor: Actor,
  itemId: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<{ data: TAcknowledgement[]; nextCursor: string | null }> {
  const a = correspondenceAcknowledgements;
  const where = [eq(a.orgId, actor.orgId), eq(a.itemId, itemId)];
  if (query.cursor) {
    const c = decodeCursor(query.cursor, ['s', 'id']);
    if (!UUID.test(c.id) || Number.isNaN(Date.parse(c.s))) {
      throw problems.badRequest('Le curseur de pagination est invalide.', [
        { path: 'cursor', message: 'Curseur invalide : repartez de la première page.', code: 'invalid_cursor' },
      ]);
    }
    where.push(sql`(${a.sentAt}, ${a.id}) < (${c.s}::timestamptz, ${c.id}::uuid)`);
  }
  const rows = await db
    .select({ ack: a, emailStatus: jobs.status })
    .from(a)
    .leftJoin(jobs, eq(jobs.id, a.emailJobId))
    .where(and(...where))
    .orderBy(desc(a.sentAt), desc(a.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1)?.ack;
  return {
    data: page.map((r) => presentAcknowledgement(actor, r.ack, r.emailStatus ?? null)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ s: last.sentAt.toISOString(), id: last.id }) : null,
  };
}
