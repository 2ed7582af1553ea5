import type { TCreatePoliticalGroup, TUpdatePoliticalGroup } from '@dircab/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit';
import { users } from '../../../platform/auth/auth.schema';
import type { Queryable } from '../../../platform/db/client';
import { isUniqueViolation } from '../../../platform/db/unique-violation';
import { type FieldError, problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { memberships } from '../../org/org.schema';
import { POLITICAL_GROUP_ROLES, politicalGroupPolicy } from '../officials.policy';
import { politicalGroups } from '../officials.schema';
import { findPoliticalGroup, type PoliticalGroupRow } from '../queries/find-political-groups';

const duplicateName = () => {
  const detail = 'Un groupe politique porte déjà ce nom.';
  return problems.conflict(detail, [{ path: 'name', message: detail, code: 'duplicate' }]);
};

/** Each staff member must be an active group_staff member of the organisation: 400 on `staff.N`. */
async function checkStaff(tx: Queryable, orgId: string, staff: readonly string[]): Promise<void> {
  if (staff.length === 0) return;
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.orgId, orgId),
        inArray(memberships.userId, [...staff]),
        eq(memberships.role, 'group_staff'),
        eq(memberships.active, true),
        eq(users.disabled, false),
      ),
    );
  const ok = new Set(rows.map((r) => r.userId));
  const errors: FieldError[] = staff.flatMap((id, i) =>
    ok.has(id)
      ? []
      : [
          {
            path: `staff.${i}`,
            message: 'Ce compte n’est pas un collaborateur de groupe actif de l’organisation.',
            code: 'not_group_staff',
          },
        ],
  );
  if (errors.length > 0) throw problems.badRequest('Le corps de la requête contient des valeurs invalides.', errors);
}

async function reload(tx: Queryable, actor: Actor, id: string): Promise<PoliticalGroupRow> {
  const row = await findPoliticalGroup(tx, actor, id);
  if (!row) throw problems.notFound();
  return row;
}

/** Creates a political group, audited (its name only: the group itself is no person's data). */
export async function createPoliticalGroup(
  tx: Queryable,
  actor: Actor,
  input: TCreatePoliticalGroup,
): Promise<PoliticalGroupRow> {
  if (!POLITICAL_GROUP_ROLES.write.includes(actor.role)) throw problems.forbidden();
  let id: string;
  try {
    const [row] = await tx
      .insert(politicalGroups)
      .values({ orgId: actor.orgId, name: input.name, side: input.side })
      .returning({ id: politicalGroups.id });
    if (!row) throw new Error('political group not created');
    id = row.id;
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName();
    throw error;
  }
  await recordAudit(tx, actor, {
    action: 'political_group.create',
    recordType: 'political_group',
    recordId: id,
    summary: { after: { name: input.name, side: input.side } },
  });
  return reload(tx, actor, id);
}

/** Renames a group, changes its side or its staff. */
export async function updatePoliticalGroup(
  tx: Queryable,
  actor: Actor,
  id: string,
  input: TUpdatePoliticalGroup,
): Promise<PoliticalGroupRow> {
  const before = await findPoliticalGroup(tx, actor, id);
  if (!before) throw problems.notFound();
  if (!politicalGroupPolicy.can(actor, 'update', before)) throw problems.forbidden();
  const staff = input.staff ? [...new Set(input.staff)] : undefined;
  if (input.staff) await checkStaff(tx, actor.orgId, input.staff);
  const set: Partial<typeof politicalGroups.$inferInsert> = { updatedAt: new Date() };
  if (input.name !== undefined) set.name = input.name;
  if (input.side !== undefined) set.side = input.side;
  if (staff !== undefined) set.staff = staff;
  try {
    await tx
      .update(politicalGroups)
      .set(set)
      .where(and(eq(politicalGroups.orgId, actor.orgId), eq(politicalGroups.id, id)));
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName();
    throw error;
  }
  await recordAudit(tx, actor, {
    action: 'political_group.update',
    recordType: 'political_group',
    recordId: id,
    summary: {
      before: {
        name: input.name !== undefined ? before.name : undefined,
        side: input.side !== undefined ? before.side : undefined,
        staff: staff !== undefined ? before.staff : undefined,
      },
      after: { name: input.name, side: input.side, staff },
    },
  });
  return reload(tx, actor, id);
}

/** Deletes a group no official belongs to; 409 otherwise. */
export async function deletePoliticalGroup(tx: Queryable, actor: Actor, id: string): Promise<void> {
  const before = await findPoliticalGroup(tx, actor, id);
  if (!before) throw problems.notFound();
  if (!politicalGroupPolicy.can(actor, 'delete', before)) throw problems.forbidden();
  if (before.officialCount > 0) {
    throw problems.conflict('Des élus appartiennent encore à ce groupe : changez d’abord leur groupe.');
  }
  await tx.delete(politicalGroups).where(and(eq(politicalGroups.orgId, actor.orgId), eq(politicalGroups.id, id)));
  await recordAudit(tx, actor, {
    action: 'political_group.delete',
    recordType: 'political_group',
    recordId: id,
    summary: { before: { name: before.name, side: before.side } },
  });
}
