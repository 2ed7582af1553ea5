import type { TCorrespondenceDetail, TReply, TRouting } from '@dircab/contracts';
import { aliasedTable, and, asc, desc, eq } from 'drizzle-orm';
import { users } from '../../../../platform/auth/auth.schema';
import type { Queryable } from '../../../../platform/db/client';
import type { Actor } from '../../../../platform/policy/actor';
import { services } from '../../../directory/directory.schema';
import { correspondenceItems } from '../../correspondence.schema';
import { type ItemRow, presentItem } from '../../queries/find-correspondence';
import { findViewer } from '../../queries/find-viewer';
import { correspondenceApprovals, correspondenceReplies, correspondenceRoutings } from '../processing.schema';
import { findCircuitFacts, NO_FACTS } from './find-circuit-facts';
import { findRoutingSuggestion } from './find-routing-suggestion';

/** The routing lines of an item, newest first (current ones have no `endedAt`). */
export async function findRoutings(db: Queryable, actor: Actor, itemId: string): Promise<TRouting[]> {
  const r = correspondenceRoutings;
  const routedTo = aliasedTable(users, 'routed_to');
  const routedBy = aliasedTable(users, 'routed_by');
  const rows = await db
    .select({
      id: r.id,
      serviceId: r.serviceId,
      serviceName: services.name,
      userId: r.userId,
      userName: routedTo.name,
      mode: r.mode,
      comment: r.comment,
      routedById: r.routedBy,
      routedByName: routedBy.name,
      routedAt: r.routedAt,
      endedAt: r.endedAt,
    })
    .from(r)
    .leftJoin(services, eq(services.id, r.serviceId))
    .leftJoin(routedTo, eq(routedTo.id, r.userId))
    .leftJoin(routedBy, eq(routedBy.id, r.routedBy))
    .where(and(eq(r.orgId, actor.orgId), eq(r.itemId, itemId)))
    .orderBy(desc(r.routedAt), asc(r.mode), asc(r.id));
  return rows.map((x) => ({
    ...x,
    routedAt: x.routedAt.toISOString(),
    endedAt: x.endedAt?.toISOString() ?? null,
  }));
}

/** The item's draft reply with every round's visas and signature, or null. */
export async function findReply(db: Queryable, actor: Actor, itemId: string): Promise<TReply | null> {
  const [reply] = await db
    .select()
    .from(correspondenceReplies)
    .where(and(eq(correspondenceReplies.orgId, actor.orgId), eq(correspondenceReplies.itemId, itemId)));
  if (!reply) return null;
  const a = correspondenceApprovals;
  const [approvals, [outgoing]] = await Promise.all([
    db
      .select({
        id: a.id,
        kind: a.kind,
        userId: a.userId,
        userName: users.name,
        position: a.position,
        decision: a.decision,
        comment: a.comment,
        decidedAt: a.decidedAt,
        round: a.round,
      })
      .from(a)
      .leftJoin(users, eq(users.id, a.userId))
      .where(and(eq(a.orgId, actor.orgId), eq(a.itemId, itemId)))
      .orderBy(asc(a.round), asc(a.position)),
    reply.outgoingItemId
      ? db
          .select({ number: correspondenceItems.registrationNumber })
          .from(correspondenceItems)
          .where(eq(correspondenceItems.id, reply.outgoingItemId))
      : Promise.resolve([]),
  ]);
  return {
    id: reply.id,
    itemId: reply.itemId,
    subject: reply.subject,
    bodyHtml: reply.bodyHtml,
    recipient: { name: reply.recipientName, email: reply.recipientEmail, address: reply.recipientAddress },
    reviewOrder: reply.reviewOrder,
    returnComment: reply.returnComment,
    round: reply.round,
    approvals: approvals.map((x) => ({ ...x, decidedAt: x.decidedAt?.toISOString() ?? null })),
    outgoingItemId: reply.outgoingItemId,
    outgoingRegistrationNumber: outgoing?.number ?? null,
    sendMethod: reply.sendMethod,
    sentAt: reply.sentAt?.toISOString() ?? null,
    updatedAt: reply.updatedAt.toISOString(),
  };
}

/**
 * The item's page: the item with its policies, its routing history, the suggestion while it
 * waits to be routed (so "Imputer comme suggéré" is one click), and its reply.
 */
export async function findItemDetail(db: Queryable, actor: Actor, row: ItemRow): Promise<TCorrespondenceDetail> {
  // Only the visa and signature rounds read these facts (correspondence.policy.ts), as in the list.
  const inCircuit = row.status === 'in_review' || row.status === 'to_sign';
  // Independent reads asked together: on PostgreSQL each takes its own pooled connection.
  const [viewer, facts, routings, reply] = await Promise.all([
    findViewer(db, actor),
    inCircuit ? findCircuitFacts(db, actor, [row.id]).then((f) => f.get(row.id) ?? NO_FACTS) : NO_FACTS,
    findRoutings(db, actor, row.id),
    findReply(db, actor, row.id),
  ]);
  const item = presentItem(viewer, row, facts);
  const suggestion =
    row.direction === 'in' && row.status === 'registered' && item.policies.route
      ? await findRoutingSuggestion(db, actor, row)
      : null;
  return { ...item, routings, suggestion, reply };
}
