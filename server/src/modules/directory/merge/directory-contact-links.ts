import { and, eq, inArray, or } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import { sameRelationExists } from '../commands/relation-checks';
import { contactRelations } from '../contact-links.schema';
import { mandates, officials } from '../officials.schema';
import { columnLink, type MergePair, registerContactLink } from './contact-link-registry';

type RelationRow = typeof contactRelations.$inferSelect;
type OfficialRow = typeof officials.$inferSelect;

type MovedRelation =
  | { op: 'moved'; id: string; side: 'from' | 'to' }
  | { op: 'deleted'; row: Omit<RelationRow, 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string } };

/**
 * Relations: the duplicate's move to the kept contact, except those that would become a
 * relation of the contact with itself or repeat one the kept contact already has: those are
 * deleted, and kept whole in the audit so the undo puts them back.
 */
const relationsLink = {
  name: 'relations',
  async move(tx: Queryable, pair: MergePair): Promise<MovedRelation[]> {
    const rows = await tx
      .select()
      .from(contactRelations)
      .where(
        and(
          eq(contactRelations.orgId, pair.orgId),
          // A bitmap OR of the two side indexes.
          or(eq(contactRelations.fromContactId, pair.duplicateId), eq(contactRelations.toContactId, pair.duplicateId)),
        ),
      )
      .orderBy(contactRelations.id);
    const moved: MovedRelation[] = [];
    for (const r of rows) {
      const side = r.fromContactId === pair.duplicateId ? 'from' : 'to';
      const next = {
        fromContactId: side === 'from' ? pair.keptId : r.fromContactId,
        toContactId: side === 'to' ? pair.keptId : r.toContactId,
      };
      const redundant =
        next.fromContactId === next.toContactId || (await sameRelationExists(tx, pair.orgId, { ...r, ...next }, r.id));
      if (redundant) {
        await tx.delete(contactRelations).where(eq(contactRelations.id, r.id));
        moved.push({
          op: 'deleted',
          row: { ...r, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() },
        });
      } else {
        await tx.update(contactRelations).set(next).where(eq(contactRelations.id, r.id));
        moved.push({ op: 'moved', id: r.id, side });
      }
    }
    return moved;
  },
  async restore(tx: Queryable, pair: MergePair, moved: unknown[]): Promise<void> {
    const items = moved as MovedRelation[];
    for (const m of items) {
      if (m.op !== 'moved') continue;
      const column = m.side === 'from' ? contactRelations.fromContactId : contactRelations.toContactId;
      await tx
        .update(contactRelations)
        .set(m.side === 'from' ? { fromContactId: pair.duplicateId } : { toContactId: pair.duplicateId })
        .where(and(eq(contactRelations.orgId, pair.orgId), eq(contactRelations.id, m.id), eq(column, pair.keptId)));
    }
    for (const m of items) {
      if (m.op !== 'deleted') continue;
      await tx
        .insert(contactRelations)
        .values({ ...m.row, createdAt: new Date(m.row.createdAt), updatedAt: new Date(m.row.updatedAt) })
        .onConflictDoNothing();
    }
  },
};

type SerialOfficial = Omit<OfficialRow, 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string };
type MovedOfficial =
  | { op: 'moved'; id: string }
  | {
      op: 'folded';
      keptOfficialId: string;
      keptBefore: Pick<OfficialRow, 'portfolios' | 'userId' | 'politicalGroupId'>;
      duplicateOfficial: SerialOfficial;
      mandateIds: string[];
    };

/**
 * Officials are unique per organisation and contact. When only the duplicate is an official,
 * its official row moves to the kept contact. When both are, the kept contact's official stays:
 * the duplicate's mandates join it, portfolios are united, the user account and the political
 * group are taken from the duplicate only where the kept official has none, and the
 * duplicate's official row is deleted (kept whole in the audit, re-created by the undo).
 */
const officialsLink = {
  name: 'officials',
  async move(tx: Queryable, pair: MergePair): Promise<MovedOfficial[]> {
    const of = async (contactId: string) =>
      (
        await tx
          .select()
          .from(officials)
          .where(and(eq(officials.orgId, pair.orgId), eq(officials.contactId, contactId)))
      )[0];
    const dup = await of(pair.duplicateId);
    if (!dup) return [];
    const kept = await of(pair.keptId);
    if (!kept) {
      await tx.update(officials).set({ contactId: pair.keptId, updatedAt: new Date() }).where(eq(officials.id, dup.id));
      return [{ op: 'moved', id: dup.id }];
    }
    const mandateIds = (
      await tx
        .update(mandates)
        .set({ officialId: kept.id })
        .where(and(eq(mandates.orgId, pair.orgId), eq(mandates.officialId, dup.id)))
        .returning({ id: mandates.id })
    ).map((m) => m.id);
    await tx
      .update(officials)
      .set({
        portfolios: [...new Set([...kept.portfolios, ...dup.portfolios])],
        userId: kept.userId ?? dup.userId,
        politicalGroupId: kept.politicalGroupId ?? dup.politicalGroupId,
        updatedAt: new Date(),
      })
      .where(eq(officials.id, kept.id));
    await tx.delete(officials).where(eq(officials.id, dup.id));
    return [
      {
        op: 'folded',
        keptOfficialId: kept.id,
        keptBefore: { portfolios: kept.portfolios, userId: kept.userId, politicalGroupId: kept.politicalGroupId },
        duplicateOfficial: { ...dup, createdAt: dup.createdAt.toISOString(), updatedAt: dup.updatedAt.toISOString() },
        mandateIds,
      },
    ];
  },
  async restore(tx: Queryable, pair: MergePair, moved: unknown[]): Promise<void> {
    for (const m of moved as MovedOfficial[]) {
      if (m.op === 'moved') {
        await tx
          .update(officials)
          .set({ contactId: pair.duplicateId, updatedAt: new Date() })
          .where(and(eq(officials.orgId, pair.orgId), eq(officials.id, m.id), eq(officials.contactId, pair.keptId)));
        continue;
      }
      const d = m.duplicateOfficial;
      await tx
        .insert(officials)
        .values({ ...d, createdAt: new Date(d.createdAt), updatedAt: new Date(d.updatedAt) })
        .onConflictDoNothing();
      if (m.mandateIds.length > 0) {
        await tx
          .update(mandates)
          .set({ officialId: d.id })
          .where(
            and(
              eq(mandates.orgId, pair.orgId),
              inArray(mandates.id, m.mandateIds),
              eq(mandates.officialId, m.keptOfficialId),
            ),
          );
      }
      await tx
        .update(officials)
        .set({ ...m.keptBefore, updatedAt: new Date() })
        .where(and(eq(officials.orgId, pair.orgId), eq(officials.id, m.keptOfficialId)));
    }
  },
};

let registered = false;

/** The directory's own links; idempotent, called by the merge commands before they walk. */
export function registerDirectoryContactLinks(): void {
  if (registered) return;
  registered = true;
  registerContactLink(officialsLink);
  registerContactLink(columnLink({ name: 'mandates', table: 'mandates', column: 'contact_id' }));
  registerContactLink(
    columnLink({
      name: 'identities',
      table: 'contact_identities',
      column: 'contact_id',
      key: 'source || chr(31) || key',
    }),
  );
  registerContactLink(relationsLink);
}
