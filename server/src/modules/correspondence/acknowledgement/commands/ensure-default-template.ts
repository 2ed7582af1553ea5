import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../../../platform/db/client';
import { correspondenceAckTemplates } from '../acknowledgement.schema';
import { DEFAULT_ACK_TEMPLATE } from '../default-template';
import type { AckTemplateRow } from '../queries/find-ack-templates';

/**
 * The template acknowledgements use: the organisation's default, created from the French
 * model on first use when it has none (an organisation made after the demo, or by an import).
 */
export async function ensureDefaultTemplate(tx: Queryable, orgId: string): Promise<AckTemplateRow> {
  const t = correspondenceAckTemplates;
  const isDefault = and(eq(t.orgId, orgId), eq(t.kind, 'acknowledgement'), eq(t.isDefault, true));
  const [found] = await tx.select().from(t).where(isDefault);
  if (found) return found;
  // Two first uses at once: the partial unique index keeps one default, the other reads it.
  await tx
    .insert(t)
    .values({ orgId, ...DEFAULT_ACK_TEMPLATE, kind: 'acknowledgement' })
    .onConflictDoNothing();
  const [row] = await tx.select().from(t).where(isDefault);
  if (!row) throw new Error('default acknowledgement template missing');
  return row;
}
