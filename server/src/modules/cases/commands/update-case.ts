import type { TUpdateCase } from '@dircab/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { diffSummary, recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { refreshTaskScope } from '../../tasks/commands/refresh-task-scope';
import { casePolicy } from '../cases.policy';
import { cases } from '../cases.schema';
import { type CaseRow, findCase } from '../queries/find-cases';
import { casePeople } from './case-people';
import { checkIntervention, checkPeople, checkTerritory } from './case-references';
import { indexCase } from './index-case';

/** Lists compared as text, or every edit would list them as changed. */
const asText = (v: readonly string[] | undefined) => v?.join(',');

/**
 * Edits a case (404 when hidden, 403 when the actor may not edit it). A case made confidential
 * needs someone named; its tasks follow its confidentiality and people. Setting a status on a
 * closed case reopens it.
 */
export async function updateCase(tx: Queryable, actor: Actor, id: string, input: TUpdateCase): Promise<CaseRow> {
  const before = await findCase(tx, actor, id, true);
  if (!before) throw problems.notFound();
  if (!casePolicy.can(actor, 'update', before)) throw problems.forbidden();
  if (input.intervention && before.kind !== 'intervention') {
    throw problems.badRequest('Seul un dossier de type intervention décrit une intervention.', [
      { path: 'intervention', message: 'Ce dossier n’est pas une intervention.', code: 'not_an_intervention' },
    ]);
  }
  await checkPeople(tx, actor, [
    { path: 'ownerId', ids: [input.ownerId] },
    { path: 'team', ids: input.team },
    { path: 'members', ids: input.members },
  ]);
  if (input.territoryId !== undefined) await checkTerritory(tx, actor, input.territoryId);
  await checkIntervention(tx, actor, input.intervention);
  const confidentiality = input.confidentiality ?? before.confidentiality;
  const people = casePeople({
    members: input.members ?? before.members,
    team: input.team ?? before.team,
    ownerId: input.ownerId === undefined ? before.ownerId : input.ownerId,
    createdBy: before.createdBy,
  });
  // The creator alone is not a choice: a confidential case names someone on purpose.
  if (confidentiality === 'confidential' && people.members.length === 0) {
    throw problems.badRequest('Un dossier confidentiel nomme au moins une personne habilitée.', [
      { path: 'members', message: 'Nommez au moins une personne habilitée.', code: 'members_required' },
    ]);
  }
  const i = input.intervention;
  const changes = {
    title: input.title,
    summary: input.summary,
    status: input.status,
    ownerId: input.ownerId,
    team: input.team ? people.team : undefined,
    confidentiality: input.confidentiality,
    members: input.members ? people.members : undefined,
    territoryId: input.territoryId,
    topics: input.topics ? [...new Set(input.topics)] : undefined,
    riskLevel: input.riskLevel,
    dueDate: input.dueDate,
    interventionOfficialId: i?.officialId,
    interventionInstitutionContactId: i?.institutionContactId,
    interventionInstitutionName: i?.institutionName,
    interventionDate: i?.date,
    interventionObject: i?.object,
    interventionAnswer: i?.answer,
    interventionOutcome: i?.outcome,
  };
  const reopened = input.status !== undefined && before.status === 'closed';
  const [row] = await tx
    .update(cases)
    .set({
      ...changes,
      viewers: people.viewers,
      ...(reopened ? { closedAt: null } : {}),
      updatedAt: sql`now()`,
    })
    .where(and(eq(cases.orgId, actor.orgId), eq(cases.id, id)))
    .returning();
  if (!row) throw problems.notFound();
  // Words stay out of the trail (a sensitive matter's words are the secret): only that they changed.
  const { title: _t, summary: _s, interventionObject: _o, interventionAnswer: _a, ...audited } = changes;
  const comparable = <
    T extends {
      team?: readonly string[] | undefined;
      members?: readonly string[] | undefined;
      topics?: readonly string[] | undefined;
    },
  >(
    v: T,
  ) => ({
    ...v,
    team: asText(v.team),
    members: asText(v.members),
    topics: asText(v.topics),
  });
  await recordAudit(tx, actor, {
    action: reopened ? 'case.reopen' : 'case.update',
    recordType: 'case',
    recordId: row.id,
    summary: {
      ...diffSummary(comparable(before), comparable(audited)),
      ...(input.title !== undefined && input.title !== before.title ? { titleChanged: true } : {}),
      ...(input.summary !== undefined && input.summary !== before.summary ? { summaryChanged: true } : {}),
      ...(i?.object !== undefined || i?.answer !== undefined ? { interventionTextChanged: true } : {}),
    },
  });
  if (row.confidentiality !== before.confidentiality || asText(row.viewers) !== asText(before.viewers)) {
    await refreshTaskScope(tx, actor.orgId, { kind: 'case', id: row.id }, taskScopeOf(row));
  }
  await indexCase(tx, row);
  return row;
}

/** What a task about this case copies: its confidentiality and everyone named on it. */
export function taskScopeOf(row: CaseRow) {
  return { confidentiality: row.confidentiality, members: row.viewers };
}
