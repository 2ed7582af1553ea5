import type { TCreateDecision } from '@dircab/contracts';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { findCase } from '../../cases/queries/find-cases';
import { findNote } from '../../notes/queries/find-notes';
import { findMemberOptions } from '../../org/queries/find-member-options';
import { DECIDER_ROLES } from '../decisions.policy';
import { decisions } from '../decisions.schema';
import { type DecisionRow, findDecision } from '../queries/find-decisions';
import { createDecisionActions } from './create-actions';
import { indexDecision } from './index-decision';

/**
 * Records a decision: who decided (the executive or an official), on which note or case (which
 * the actor must see; a note's decision takes the note's confidentiality and people), and its
 * follow-up actions as tasks. Audited and indexed in the caller's transaction.
 */
export async function createDecision(tx: Queryable, actor: Actor, input: TCreateDecision): Promise<DecisionRow> {
  const [decider] = (await findMemberOptions(tx, actor, { limit: 1, ids: input.decidedById.toLowerCase() })).data;
  if (!decider?.active || !DECIDER_ROLES.includes(decider.role)) {
    throw problems.badRequest('Celui qui décide est le maire (l’exécutif) ou un élu.', [
      { path: 'decidedById', message: 'Le maire (l’exécutif) ou un élu de l’organisation.', code: 'invalid_decider' },
    ]);
  }
  const note = input.noteId ? await findNote(tx, actor, input.noteId) : null;
  if (input.noteId && !note) {
    throw problems.badRequest('La note est introuvable.', [
      { path: 'noteId', message: 'Cette note n’existe pas ou vous n’y avez pas accès.', code: 'unknown_note' },
    ]);
  }
  const found = input.caseId ? await findCase(tx, actor, input.caseId) : null;
  if (input.caseId && !found) {
    throw problems.badRequest('Le dossier est introuvable.', [
      { path: 'caseId', message: 'Ce dossier n’existe pas ou vous n’y avez pas accès.', code: 'unknown_case' },
    ]);
  }
  const confidentiality = note?.confidentiality ?? input.confidentiality ?? 'normal';
  const members = [
    ...new Set(
      [...(note?.members ?? []), ...(input.members ?? []), decider.userId, actor.userId].map((i) => i.toLowerCase()),
    ),
  ];
  const [row] = await tx
    .insert(decisions)
    .values({
      orgId: actor.orgId,
      title: input.title,
      detail: input.detail ?? '',
      decidedBy: decider.userId.toLowerCase(),
      decidedOn: input.decidedOn,
      noteId: note?.id ?? null,
      caseId: found?.id ?? note?.caseId ?? null,
      confidentiality,
      members,
      createdBy: actor.userId,
    })
    .returning();
  if (!row) throw new Error('decision not created');
  const taskIds = await createDecisionActions(tx, actor, row.id, input.actions ?? []);
  await recordAudit(tx, actor, {
    action: 'decision.create',
    recordType: 'decision',
    recordId: row.id,
    summary: {
      after: {
        decidedBy: row.decidedBy,
        decidedOn: row.decidedOn,
        noteId: row.noteId,
        caseId: row.caseId,
        confidentiality: row.confidentiality,
        members: row.members,
        taskIds,
      },
    },
  });
  await indexDecision(tx, row);
  const created = await findDecision(tx, actor, row.id);
  if (!created) throw new Error('decision created but not visible to its creator');
  return created;
}
