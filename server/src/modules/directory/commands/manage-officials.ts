import type { TCreateOfficial, TMandateInput, TUpdateOfficial } from '@dircab/contracts';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import { isUniqueViolation } from '../../../platform/db/unique-violation';
import { type FieldError, problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { removeFromIndex } from '../../../platform/search/search-index';
import { notifyAccessChange } from '../../org/access-changes';
import { memberships } from '../../org/org.schema';
import { contacts } from '../directory.schema';
import { officialPolicy } from '../officials.policy';
import { mandates, officials, politicalGroups } from '../officials.schema';
import { findOfficial, mandatesOf, type OfficialRow } from '../queries/find-officials';
import { indexOfficial } from './index-official';

const invalid = (errors: FieldError[]) =>
  problems.badRequest('Le corps de la requête contient des valeurs invalides.', errors);

/** The group by name (case ignored), created on first use; its side follows the last input. */
async function groupId(
  tx: Queryable,
  orgId: string,
  group: { name: string; side: 'majority' | 'opposition' } | null | undefined,
): Promise<string | null | undefined> {
  if (group === undefined) return undefined;
  if (group === null) return null;
  const [existing] = await tx
    .select()
    .from(politicalGroups)
    .where(and(eq(politicalGroups.orgId, orgId), sql`lower(${politicalGroups.name}) = lower(${group.name})`));
  if (existing) {
    if (existing.side !== group.side) {
      await tx
        .update(politicalGroups)
        .set({ side: group.side, updatedAt: new Date() })
        .where(eq(politicalGroups.id, existing.id));
    }
    return existing.id;
  }
  const [created] = await tx.insert(politicalGroups).values({ orgId, name: group.name, side: group.side }).returning();
  return created?.id ?? null;
}

async function checkUser(tx: Queryable, actor: Actor, userId: string | null | undefined): Promise<void> {
  if (!userId) return;
  const [m] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, actor.orgId), eq(memberships.userId, userId)));
  if (!m)
    throw invalid([{ path: 'userId', message: 'Ce compte n’est pas membre de l’organisation.', code: 'not_found' }]);
}

function mandateValues(orgId: string, contactId: string, officialId: string, m: TMandateInput) {
  return {
    orgId,
    contactId,
    officialId,
    isOwnOrganisation: true,
    function: m.function,
    rank: m.rank ?? null,
    label: m.label ?? null,
    body: m.body,
    bodyName: m.bodyName ?? null,
    collectivityCode: m.collectivityCode ?? null,
    collectivityName: m.collectivityName ?? null,
    startDate: m.startDate ?? null,
    endDate: m.endDate ?? null,
    source: 'manual',
  };
}

/** Replaces the official's own (manual) mandates; imported ones stay with their key. */
async function replaceMandates(
  tx: Queryable,
  official: { orgId: string; id: string; contactId: string },
  list: TMandateInput[],
) {
  await tx
    .delete(mandates)
    .where(and(eq(mandates.orgId, official.orgId), eq(mandates.officialId, official.id), isNull(mandates.externalKey)));
  if (list.length > 0) {
    await tx
      .insert(mandates)
      .values(list.map((m) => mandateValues(official.orgId, official.contactId, official.id, m)));
  }
}

async function reload(tx: Queryable, actor: Actor, id: string): Promise<OfficialRow> {
  const row = await findOfficial(tx, actor, id);
  if (!row) throw problems.notFound();
  await indexOfficial(tx, row, (await mandatesOf(tx, actor.orgId, [id])).get(id) ?? []);
  return row;
}

/** Makes a person contact an official of the organisation, audited and searchable. */
export async function createOfficial(tx: Queryable, actor: Actor, input: TCreateOfficial): Promise<OfficialRow> {
  const [contact] = await tx
    .select({ id: contacts.id, kind: contacts.kind })
    .from(contacts)
    .where(and(eq(contacts.orgId, actor.orgId), eq(contacts.id, input.contactId), isNull(contacts.deletedAt)));
  if (!contact) throw invalid([{ path: 'contactId', message: 'Ce contact n’existe pas.', code: 'not_found' }]);
  if (contact.kind !== 'person') {
    throw invalid([{ path: 'contactId', message: 'Un élu est une personne, pas un organisme.', code: 'invalid_kind' }]);
  }
  await checkUser(tx, actor, input.userId);
  const politicalGroupId = await groupId(tx, actor.orgId, input.politicalGroup);
  let id: string;
  try {
    const [row] = await tx
      .insert(officials)
      .values({
        orgId: actor.orgId,
        contactId: contact.id,
        userId: input.userId ?? null,
        portfolios: input.portfolios ?? [],
        politicalGroupId: politicalGroupId ?? null,
      })
      .returning({ id: officials.id });
    if (!row) throw new Error('official not created');
    id = row.id;
  } catch (error) {
    if (isUniqueViolation(error)) {
      const detail = 'Ce contact est déjà un élu de l’organisation.';
      throw problems.conflict(detail, [{ path: 'contactId', message: detail, code: 'duplicate' }]);
    }
    throw error;
  }
  await replaceMandates(tx, { orgId: actor.orgId, id, contactId: contact.id }, input.mandates ?? []);
  await notifyAccessChange(tx, {
    orgId: actor.orgId,
    userIds: [input.userId],
    serviceIds: [],
    topics: input.userId ? (input.portfolios ?? []) : [],
  });
  await recordAudit(tx, actor, {
    action: 'official.create',
    recordType: 'official',
    recordId: id,
    summary: {
      after: {
        contactId: contact.id,
        mandates: input.mandates?.length ?? 0,
        politicalGroup: Boolean(politicalGroupId),
      },
    },
  });
  return reload(tx, actor, id);
}

/** Changes an official: account, portfolios, group, manual mandates (replaced as a whole). */
export async function updateOfficial(
  tx: Queryable,
  actor: Actor,
  id: string,
  input: TUpdateOfficial,
): Promise<OfficialRow> {
  const before = await findOfficial(tx, actor, id);
  if (!before) throw problems.notFound();
  if (!officialPolicy.can(actor, 'update', before)) throw problems.forbidden();
  await checkUser(tx, actor, input.userId);
  const politicalGroupId = await groupId(tx, actor.orgId, input.politicalGroup);
  const set: Partial<typeof officials.$inferInsert> = { updatedAt: new Date() };
  if (input.userId !== undefined) set.userId = input.userId;
  if (input.portfolios !== undefined) set.portfolios = input.portfolios;
  if (politicalGroupId !== undefined) set.politicalGroupId = politicalGroupId;
  await tx
    .update(officials)
    .set(set)
    .where(and(eq(officials.orgId, actor.orgId), eq(officials.id, id)));
  if (input.mandates) await replaceMandates(tx, before, input.mandates);
  // An official's account reaches the records of its portfolios: either may have moved.
  if (input.userId !== undefined || input.portfolios !== undefined) {
    await notifyAccessChange(tx, {
      orgId: actor.orgId,
      userIds: [before.userId, input.userId],
      serviceIds: [],
      topics: [...before.portfolios, ...(input.portfolios ?? [])],
    });
  }
  // The audit names what changed, never the affiliation itself (it is sensitive).
  await recordAudit(tx, actor, {
    action: 'official.update',
    recordType: 'official',
    recordId: id,
    summary: {
      before: {
        userId: input.userId !== undefined ? before.userId : undefined,
        portfolios: input.portfolios !== undefined ? before.portfolios : undefined,
      },
      after: {
        userId: input.userId,
        portfolios: input.portfolios,
        mandates: input.mandates?.length,
        politicalGroupChanged: input.politicalGroup !== undefined ? true : undefined,
      },
    },
  });
  return reload(tx, actor, id);
}

/** Removes the official role; the contact and its mandates stay in the address book. */
export async function deleteOfficial(tx: Queryable, actor: Actor, id: string): Promise<void> {
  const before = await findOfficial(tx, actor, id);
  if (!before) throw problems.notFound();
  if (!officialPolicy.can(actor, 'delete', before)) throw problems.forbidden();
  await tx
    .update(mandates)
    .set({ isOwnOrganisation: false, officialId: null, updatedAt: new Date() })
    .where(and(eq(mandates.orgId, actor.orgId), eq(mandates.officialId, id)));
  await tx.delete(officials).where(and(eq(officials.orgId, actor.orgId), eq(officials.id, id)));
  await notifyAccessChange(tx, {
    orgId: actor.orgId,
    userIds: [before.userId],
    serviceIds: [],
    topics: before.portfolios,
  });
  await recordAudit(tx, actor, {
    action: 'official.delete',
    recordType: 'official',
    recordId: id,
    summary: { before: { contactId: before.contactId, displayName: before.displayName } },
  });
  await removeFromIndex(tx, { orgId: actor.orgId, kind: 'official', recordId: id });
}
