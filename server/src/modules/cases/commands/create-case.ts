import type { TCreateCase } from '@dircab/contracts';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import type { Actor } from '../../../platform/policy/actor';
import { cases } from '../cases.schema';
import type { CaseRow } from '../queries/find-cases';
import { casePeople } from './case-people';
import { checkIntervention, checkPeople, checkTerritory } from './case-references';
import { indexCase } from './index-case';

/** Opens a case: checks its references, names its people, audits and indexes it in the caller's transaction. */
export async function createCase(tx: Queryable, actor: Actor, input: TCreateCase): Promise<CaseRow> {
  await checkPeople(tx, actor, [
    { path: 'ownerId', ids: [input.ownerId] },
    { path: 'team', ids: input.team },
    { path: 'members', ids: input.members },
  ]);
  await checkTerritory(tx, actor, input.territoryId);
  await checkIntervention(tx, actor, input.intervention);
  const people = casePeople({
    members: input.members ?? [],
    team: input.team ?? [],
    ownerId: input.ownerId === undefined ? actor.userId : input.ownerId,
    createdBy: actor.userId,
  });
  const i = input.intervention;
  const [row] = await tx
    .insert(cases)
    .values({
      orgId: actor.orgId,
      kind: input.kind,
      title: input.title,
      summary: input.summary ?? '',
      status: input.status ?? 'open',
      confidentiality: input.confidentiality,
      ...people,
      territoryId: input.territoryId ?? null,
      topics: [...new Set(input.topics ?? [])],
      riskLevel: input.riskLevel ?? 'low',
      dueDate: input.dueDate ?? null,
      createdBy: actor.userId,
      ...(input.kind === 'intervention'
        ? {
            interventionOfficialId: i?.officialId ?? null,
            interventionInstitutionContactId: i?.institutionContactId ?? null,
            interventionInstitutionName: i?.institutionName ?? null,
            interventionDate: i?.date ?? null,
            interventionObject: i?.object ?? null,
            interventionAnswer: i?.answer ?? null,
            interventionOutcome: i?.outcome ?? 'pending',
          }
        : {}),
    })
    .returning();
  if (!row) throw new Error('case not created');
  // The title and summary stay out of the trail: a sensitive matter's words are the secret.
  await recordAudit(tx, actor, {
    action: 'case.create',
    recordType: 'case',
    recordId: row.id,
    summary: {
      after: {
        kind: row.kind,
        status: row.status,
        confidentiality: row.confidentiality,
        ownerId: row.ownerId,
        members: row.members,
        team: row.team,
        riskLevel: row.riskLevel,
      },
    },
  });
  await indexCase(tx, row);
  return row;
}
