import type { TCreateCaseLink } from '@dircab/contracts';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { caseLinkKind, type LinkedRecord } from '../case-link-kinds';
import { casePolicy } from '../cases.policy';
import { caseLinks } from '../cases.schema';
import { findCase } from '../queries/find-cases';

export type CaseLinkRow = typeof caseLinks.$inferSelect;

/**
 * Links a record to a case: the actor must be allowed to edit the case and to see the record
 * (400 on `recordId` otherwise: an unknown record and a hidden one answer the same). Linking
 * twice is a 409.
 */
export async function linkRecord(
  tx: Queryable,
  actor: Actor,
  caseId: string,
  input: TCreateCaseLink,
): Promise<{ link: CaseLinkRow; record: LinkedRecord }> {
  const found = await findCase(tx, actor, caseId, true);
  if (!found) throw problems.notFound();
  if (!casePolicy.can(actor, 'link', found)) throw problems.forbidden();
  const kind = caseLinkKind(input.kind);
  if (!kind) {
    throw problems.badRequest('Ce type d’élément ne se lie pas encore à un dossier.', [
      { path: 'kind', message: 'Type d’élément pas encore pris en charge.', code: 'unsupported_kind' },
    ]);
  }
  const record = await kind.describe(tx, actor, input.recordId);
  if (!record) {
    throw problems.badRequest('L’élément à lier est introuvable.', [
      { path: 'recordId', message: 'Cet élément n’existe pas ou vous n’y avez pas accès.', code: 'unknown_record' },
    ]);
  }
  const [link] = await tx
    .insert(caseLinks)
    .values({ orgId: actor.orgId, caseId, kind: input.kind, recordId: input.recordId, createdBy: actor.userId })
    .onConflictDoNothing()
    .returning();
  if (!link) throw problems.conflict('Cet élément est déjà lié au dossier.');
  await recordAudit(tx, actor, {
    action: 'case.link',
    recordType: 'case',
    recordId: caseId,
    summary: { kind: input.kind, recordId: input.recordId },
  });
  return { link, record };
}

/** Removes a link (the record itself stays); 404 when the link is not the case's. */
export async function unlinkRecord(tx: Queryable, actor: Actor, caseId: string, linkId: string): Promise<void> {
  const found = await findCase(tx, actor, caseId, true);
  if (!found) throw problems.notFound();
  if (!casePolicy.can(actor, 'link', found)) throw problems.forbidden();
  const [gone] = await tx
    .delete(caseLinks)
    .where(and(eq(caseLinks.orgId, actor.orgId), eq(caseLinks.caseId, caseId), eq(caseLinks.id, linkId)))
    .returning();
  if (!gone) throw problems.notFound();
  await recordAudit(tx, actor, {
    action: 'case.unlink',
    recordType: 'case',
    recordId: caseId,
    summary: { kind: gone.kind, recordId: gone.recordId },
  });
}
