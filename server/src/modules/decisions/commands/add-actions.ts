import type { TAddDecisionActions } from '@dircab/contracts';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { decisionPolicy } from '../decisions.policy';
import { type DecisionRow, findDecision } from '../queries/find-decisions';
import { createDecisionActions } from './create-actions';

/** More follow-up actions on a decision (404 hidden, 403 for who neither recorded, took it nor leads). */
export async function addDecisionActions(
  tx: Queryable,
  actor: Actor,
  id: string,
  input: TAddDecisionActions,
): Promise<DecisionRow> {
  const found = await findDecision(tx, actor, id);
  if (!found) throw problems.notFound();
  if (!decisionPolicy.can(actor, 'addActions', found)) throw problems.forbidden();
  const taskIds = await createDecisionActions(tx, actor, id, input.actions);
  await recordAudit(tx, actor, {
    action: 'decision.add_actions',
    recordType: 'decision',
    recordId: id,
    summary: { taskIds },
  });
  const after = await findDecision(tx, actor, id);
  if (!after) throw problems.notFound();
  return after;
}
