import type { TCreateTerritory, TUpdateTerritory } from '@dircab/contracts';
import { and, eq } from 'drizzle-orm';
import { diffSummary, recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import { uniqueName } from '../../../platform/db/unique-violation';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { referencePolicy } from '../directory.policy';
import { territories } from '../directory.schema';
import { findTerritory, type TerritoryRow } from '../queries/find-territories';

const DUPLICATE = 'Ce quartier existe déjà dans l’organisation.';

/** Adds a territory (neighbourhood) to the actor's organisation. */
export async function createTerritory(tx: Queryable, actor: Actor, input: TCreateTerritory): Promise<TerritoryRow> {
  const [row] = await uniqueName(
    () =>
      tx
        .insert(territories)
        .values({ orgId: actor.orgId, name: input.name, code: input.code ?? null })
        .returning(),
    DUPLICATE,
  );
  if (!row) throw new Error('territory not created');
  await recordAudit(tx, actor, {
    action: 'territory.create',
    recordType: 'territory',
    recordId: row.id,
    summary: { after: { name: row.name, code: row.code } },
  });
  return row;
}

/** Renames or recodes a territory. */
export async function updateTerritory(
  tx: Queryable,
  actor: Actor,
  id: string,
  input: TUpdateTerritory,
): Promise<TerritoryRow> {
  const before = await findTerritory(tx, actor, id);
  if (!before) throw problems.notFound();
  if (!referencePolicy.can(actor, 'update', before)) throw problems.forbidden();
  const summary = diffSummary(before, { name: input.name, code: input.code });
  const [row] = await uniqueName(
    () =>
      tx
        .update(territories)
        .set({ ...summary.after, updatedAt: new Date() })
        .where(and(eq(territories.orgId, actor.orgId), eq(territories.id, id)))
        .returning(),
    DUPLICATE,
  );
  if (!row) throw problems.notFound();
  await recordAudit(tx, actor, { action: 'territory.update', recordType: 'territory', recordId: id, summary });
  return row;
}

/** Removes a territory; contacts filed under it keep existing, unfiled. */
export async function deleteTerritory(tx: Queryable, actor: Actor, id: string): Promise<void> {
  const before = await findTerritory(tx, actor, id);
  if (!before) throw problems.notFound();
  if (!referencePolicy.can(actor, 'delete', before)) throw problems.forbidden();
  await tx.delete(territories).where(and(eq(territories.orgId, actor.orgId), eq(territories.id, id)));
  await recordAudit(tx, actor, {
    action: 'territory.delete',
    recordType: 'territory',
    recordId: id,
    summary: { before: { name: before.name, code: before.code } },
  });
}
