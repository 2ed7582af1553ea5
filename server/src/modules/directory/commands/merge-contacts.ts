import type { TMergeContacts, TMergeResult } from '@dircab/contracts';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { removeFromIndex } from '../../../platform/search/search-index';
import { contactPolicy } from '../directory.policy';
import { contacts } from '../directory.schema';
import { forgetDuplicateCandidates, refreshDuplicateCandidates } from '../duplicates/refresh-duplicate-candidates';
import { contactLinks } from '../merge/contact-link-registry';
import { registerDirectoryContactLinks } from '../merge/directory-contact-links';
import { mergedValues } from '../merge/merge-values';
import { findContact } from '../queries/find-contacts';
import { refuseAnonymised } from './anonymised-guard';
import { indexContact } from './index-contact';

const invalid = (message: string, code: string) =>
  problems.badRequest('Le corps de la requête contient des valeurs invalides.', [
    { path: 'duplicateId', message, code },
  ]);

/**
 * Folds `duplicateId` into `keptId`: the kept contact takes the chosen values and the united
 * lists, every registered link (officials, mandates, identities, relations, and whatever other
 * modules register) moves onto it, the duplicate is marked merged (merged_into_id, deleted_at)
 * and leaves the search. The audit row holds what the undo needs: the values replaced and,
 * per link, exactly what moved.
 */
export async function mergeContacts(
  tx: Queryable,
  actor: Actor,
  keptId: string,
  input: TMergeContacts,
): Promise<TMergeResult> {
  registerDirectoryContactLinks();
  if (input.duplicateId === keptId)
    throw invalid('Un contact ne peut pas être fusionné avec lui-même.', 'same_contact');
  const kept = await findContact(tx, actor, keptId);
  const duplicate = await findContact(tx, actor, input.duplicateId);
  if (!kept || !duplicate) throw problems.notFound();
  if (!contactPolicy.can(actor, 'delete', kept) || !contactPolicy.can(actor, 'delete', duplicate)) {
    throw problems.forbidden();
  }
  // An erased person's shell takes no one's records, and gives none (privacy/).
  refuseAnonymised(kept);
  refuseAnonymised(duplicate, 'duplicateId');
  if (kept.kind !== duplicate.kind) {
    throw invalid('Une personne ne peut être fusionnée qu’avec une personne, un organisme avec un organisme.', 'kind');
  }

  const { before, after } = mergedValues(kept, duplicate, input.keep);
  const now = new Date();
  const [keptRow] = await tx
    .update(contacts)
    .set({ ...after, updatedAt: now })
    .where(and(eq(contacts.orgId, actor.orgId), eq(contacts.id, keptId)))
    .returning();
  if (!keptRow) throw problems.notFound();

  const pair = { orgId: actor.orgId, keptId, duplicateId: duplicate.id };
  const moved: Record<string, unknown[]> = {};
  for (const link of contactLinks()) moved[link.name] = await link.move(tx, pair);

  await tx
    .update(contacts)
    .set({ mergedIntoId: keptId, deletedAt: now, updatedAt: now })
    .where(and(eq(contacts.orgId, actor.orgId), eq(contacts.id, duplicate.id)));
  await removeFromIndex(tx, { orgId: actor.orgId, kind: 'contact', recordId: duplicate.id });
  await indexContact(tx, keptRow);
  await forgetDuplicateCandidates(tx, actor.orgId, duplicate.id);
  await refreshDuplicateCandidates(tx, actor.orgId, [keptId]);

  const auditId = await recordAudit(tx, actor, {
    action: 'contact.merge',
    recordType: 'contact',
    recordId: keptId,
    summary: {
      duplicateId: duplicate.id,
      duplicateName: duplicate.displayName,
      keep: input.keep,
      before,
      after,
      moved,
    },
  });
  return {
    keptId,
    duplicateId: duplicate.id,
    auditId,
    moved: Object.fromEntries(Object.entries(moved).map(([name, list]) => [name, list.length])),
  };
}
