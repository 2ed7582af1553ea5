import type { TMergeUndoResult } from '@dircab/contracts';
import { and, desc, eq, sql } from 'drizzle-orm';
import { auditLog } from '../../../platform/audit/audit.schema';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { contactPolicy } from '../directory.policy';
import { contacts } from '../directory.schema';
import { refreshDuplicateCandidates } from '../duplicates/refresh-duplicate-candidates';
import { contactLink } from '../merge/contact-link-registry';
import { registerDirectoryContactLinks } from '../merge/directory-contact-links';
import { findContact } from '../queries/find-contacts';
import { indexContact } from './index-contact';

interface MergeSummary {
  duplicateId: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  moved: Record<string, unknown[]>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Undoes a merge from its audit row: the duplicate comes back (not deleted, not merged), every
 * link puts back exactly the records it moved, and the kept contact gets its former values
 * back, field by field, where nobody changed them since the merge (a later edit wins).
 * Only the latest merge of that duplicate into this contact can be undone, once.
 */
export async function undoMerge(
  tx: Queryable,
  actor: Actor,
  keptId: string,
  auditId: string,
): Promise<TMergeUndoResult> {
  registerDirectoryContactLinks();
  const kept = await findContact(tx, actor, keptId);
  if (!kept) throw problems.notFound();
  const [audit] = await tx
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.orgId, actor.orgId),
        eq(auditLog.id, auditId),
        eq(auditLog.recordType, 'contact'),
        eq(auditLog.recordId, keptId),
        eq(auditLog.action, 'contact.merge'),
      ),
    );
  if (!audit) throw problems.notFound();
  const summary = audit.summary as unknown as MergeSummary;
  const [duplicate] = await tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.orgId, actor.orgId), eq(contacts.id, summary.duplicateId)));
  if (!duplicate || !contactPolicy.can(actor, 'read', duplicate)) throw problems.notFound();
  if (!contactPolicy.can(actor, 'delete', kept) || !contactPolicy.can(actor, 'delete', duplicate)) {
    throw problems.forbidden();
  }
  const [latest] = await tx
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.orgId, actor.orgId),
        eq(auditLog.recordType, 'contact'),
        eq(auditLog.recordId, keptId),
        eq(auditLog.action, 'contact.merge'),
        sql`${auditLog.summary}->>'duplicateId' = ${duplicate.id}`,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(1);
  if (duplicate.mergedIntoId !== keptId || latest?.id !== auditId) {
    throw problems.conflict('Cette fusion a déjà été annulée ou n’est plus la dernière : rien n’a été modifié.');
  }

  const pair = { orgId: actor.orgId, keptId, duplicateId: duplicate.id };
  // Links come back in the reverse order they moved.
  const names = Object.keys(summary.moved ?? {}).reverse();
  for (const name of names) {
    const link = contactLink(name);
    if (!link) throw new Error(`merge undo: contact link "${name}" is not registered`);
    await link.restore(tx, pair, summary.moved[name] ?? []);
  }

  const restored: Record<string, unknown> = {};
  const keptSince: string[] = [];
  for (const [field, value] of Object.entries(summary.before ?? {})) {
    if (same((kept as Record<string, unknown>)[field], summary.after[field])) restored[field] = value;
    else keptSince.push(field);
  }
  const now = new Date();
  const [keptRow] = await tx
    .update(contacts)
    .set({ ...restored, updatedAt: now })
    .where(and(eq(contacts.orgId, actor.orgId), eq(contacts.id, keptId)))
    .returning();
  const [duplicateRow] = await tx
    .update(contacts)
    .set({ mergedIntoId: null, deletedAt: null, updatedAt: now })
    .where(and(eq(contacts.orgId, actor.orgId), eq(contacts.id, duplicate.id)))
    .returning();
  if (!keptRow || !duplicateRow) throw problems.notFound();
  await indexContact(tx, keptRow);
  await indexContact(tx, duplicateRow);
  await refreshDuplicateCandidates(tx, actor.orgId, [keptId, duplicate.id]);

  const undoAuditId = await recordAudit(tx, actor, {
    action: 'contact.merge_undo',
    recordType: 'contact',
    recordId: keptId,
    summary: {
      mergeAuditId: auditId,
      duplicateId: duplicate.id,
      duplicateName: duplicate.displayName,
      restoredFields: Object.keys(restored),
      // Changed after the merge: left as they are.
      keptSince,
      restored: Object.fromEntries(names.map((n) => [n, summary.moved[n]?.length ?? 0])),
    },
  });
  return { keptId, duplicateId: duplicate.id, auditId: undoAuditId };
}
