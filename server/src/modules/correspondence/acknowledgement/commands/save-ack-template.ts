import type { TCreateAckTemplate, TUpdateAckTemplate } from '@dircab/contracts';
import { and, eq, ne } from 'drizzle-orm';
import { diffSummary, recordAudit } from '../../../../platform/audit/record-audit';
import type { Queryable } from '../../../../platform/db/client';
import { uniqueName } from '../../../../platform/db/unique-violation';
import { type FieldError, problems } from '../../../../platform/errors/problem';
import type { Actor } from '../../../../platform/policy/actor';
import { correspondenceAckTemplates } from '../acknowledgement.schema';
import { unknownMergeNames } from '../merge-fields';
import { type AckTemplateRow, findAckTemplate } from '../queries/find-ack-templates';

/** A merge field that does not exist would print as `{{…}}` in every letter: refused up front. */
function checkMergeFields(input: { subject?: string | undefined; bodyHtml?: string | undefined }) {
  const errors: FieldError[] = [];
  for (const path of ['subject', 'bodyHtml'] as const) {
    const unknown = unknownMergeNames(input[path] ?? '');
    if (unknown.length > 0) {
      errors.push({
        path,
        message: `Champ de fusion inconnu : ${unknown.map((u) => `{{${u}}}`).join(', ')}.`,
        code: 'unknown_merge_field',
      });
    }
  }
  if (errors.length > 0) throw problems.badRequest('Le modèle contient des champs de fusion inconnus.', errors);
}

/** The organisation has one default: making this one the default unsets the other first. */
async function clearOtherDefaults(tx: Queryable, orgId: string, exceptId: string | null) {
  const t = correspondenceAckTemplates;
  await tx
    .update(t)
    .set({ isDefault: false, updatedAt: new Date() })
    .where(and(eq(t.orgId, orgId), eq(t.isDefault, true), ...(exceptId ? [ne(t.id, exceptId)] : [])));
}

/** Adds an acknowledgement template to the actor's organisation. */
export async function createAckTemplate(
  tx: Queryable,
  actor: Actor,
  input: TCreateAckTemplate,
): Promise<AckTemplateRow> {
  checkMergeFields(input);
  if (input.isDefault) await clearOtherDefaults(tx, actor.orgId, null);
  const [row] = await uniqueName(
    () =>
      tx
        .insert(correspondenceAckTemplates)
        .values({
          orgId: actor.orgId,
          name: input.name,
          kind: 'acknowledgement',
          subject: input.subject,
          bodyHtml: input.bodyHtml,
          isDefault: input.isDefault ?? false,
        })
        .returning(),
    'Un modèle porte déjà ce nom.',
  );
  if (!row) throw new Error('template not created');
  await recordAudit(tx, actor, {
    action: 'correspondence.ack_template.create',
    recordType: 'correspondence_ack_template',
    recordId: row.id,
    summary: { after: { name: row.name, isDefault: row.isDefault } },
  });
  return row;
}

/** Changes a template; the default one may not be un-defaulted without naming another. */
export async function updateAckTemplate(
  tx: Queryable,
  actor: Actor,
  id: string,
  input: TUpdateAckTemplate,
): Promise<AckTemplateRow> {
  const before = await findAckTemplate(tx, actor.orgId, id);
  if (!before) throw problems.notFound();
  checkMergeFields(input);
  if (before.isDefault && input.isDefault === false) {
    throw problems.conflict('Ce modèle est celui utilisé par défaut : désignez d’abord un autre modèle par défaut.', [
      { path: 'isDefault', message: 'Un autre modèle doit devenir le modèle par défaut.', code: 'default_required' },
    ]);
  }
  if (input.isDefault) await clearOtherDefaults(tx, actor.orgId, id);
  const t = correspondenceAckTemplates;
  const [row] = await uniqueName(
    () =>
      tx
        .update(t)
        .set({ ...input, updatedAt: new Date() })
        .where(and(eq(t.orgId, actor.orgId), eq(t.id, id)))
        .returning(),
    'Un modèle porte déjà ce nom.',
  );
  if (!row) throw problems.notFound();
  await recordAudit(tx, actor, {
    action: 'correspondence.ack_template.update',
    recordType: 'correspondence_ack_template',
    recordId: row.id,
    summary: diffSummary(before, input),
  });
  return row;
}
