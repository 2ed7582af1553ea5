import type { TCorrespondenceStatus } from '@dircab/contracts';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { indexItem } from '../commands/index-item';
import { correspondencePolicy, type PolicyRecord, type Viewer } from '../correspondence.policy';
import { correspondenceItems } from '../correspondence.schema';
import { findItem, type ItemRow } from '../queries/find-correspondence';
import { findViewer } from '../queries/find-viewer';
import { completeRoutingTasks, FINISHED_STATUSES, startRoutingTasks } from './commands/route-tasks';
import { findCircuitFacts, NO_FACTS } from './queries/find-circuit-facts';

type Action = Parameters<typeof correspondencePolicy.can>[1];

/** French names of the statuses, for the 409 messages. */
export const STATUS_LABELS: Record<TCorrespondenceStatus, string> = {
  registered: 'enregistré',
  routed: 'imputé',
  in_progress: 'en cours de traitement',
  reply_drafted: 'réponse rédigée',
  in_review: 'en relecture (visa)',
  to_sign: 'à la signature',
  sent: 'envoyé',
  closed: 'clos',
  waiting_info: 'en attente d’informations',
  closed_without_reply: 'clos sans réponse',
  forwarded: 'transmis à une autre autorité',
};

export interface LoadedItem {
  row: ItemRow;
  viewer: Viewer;
  record: PolicyRecord & { viewer: Viewer };
}

/**
 * The item an action works on, locked for the transaction: 404 when the actor may not see
 * it, 409 (French) when its status does not allow the action, 403 when the actor may not
 * take it. The status is checked first: "already signed" says more than "not yours".
 */
export async function loadForAction(
  tx: Queryable,
  actor: Actor,
  id: string,
  action: Action,
  allowed: readonly TCorrespondenceStatus[],
  verb: string,
): Promise<LoadedItem> {
  const row = await findItem(tx, actor, id, true);
  if (!row) throw problems.notFound();
  if (!allowed.includes(row.status)) {
    throw problems.conflict(`Impossible de ${verb} : le courrier est ${STATUS_LABELS[row.status]}.`);
  }
  const viewer = await findViewer(tx, actor);
  const facts = (await findCircuitFacts(tx, actor, [row.id])).get(row.id) ?? NO_FACTS;
  const record = { ...row, ...facts, viewer };
  if (!correspondencePolicy.can(actor, action, record)) {
    // The status allows it, the circuit's own state does not: say so rather than "not yours".
    if (action === 'send' && !facts.signed) throw problems.conflict('La réponse n’est pas encore signée.');
    if (action === 'sign' && facts.signed) throw problems.conflict('La réponse est déjà signée.');
    throw problems.forbidden();
  }
  return { row, viewer, record };
}

/** Moves the item to a status, audits the action and re-indexes it, in the caller's transaction. */
export async function moveItem(
  tx: Queryable,
  actor: Actor,
  row: ItemRow,
  status: TCorrespondenceStatus,
  action: string,
  summary: Record<string, unknown> = {},
  changes: Partial<typeof correspondenceItems.$inferInsert> = {},
): Promise<ItemRow> {
  const [updated] = await tx
    .update(correspondenceItems)
    .set({ ...changes, status, updatedAt: new Date() })
    .where(and(eq(correspondenceItems.orgId, actor.orgId), eq(correspondenceItems.id, row.id)))
    .returning();
  if (!updated) throw new Error('correspondence item not updated');
  await recordAudit(tx, actor, {
    action,
    recordType: 'correspondence',
    recordId: row.id,
    summary: { before: { status: row.status }, after: { status }, ...summary },
  });
  await indexItem(tx, updated);
  // Every way an item's work starts or ends passes here: its routing task follows.
  if ((FINISHED_STATUSES as readonly string[]).includes(status)) await completeRoutingTasks(tx, actor, updated);
  else if (status === 'in_progress' && row.status !== 'in_progress') await startRoutingTasks(tx, actor, updated);
  return updated;
}
