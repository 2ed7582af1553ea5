import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../../../platform/db/client';
import { correspondenceEmailMessages } from '../../inbound/inbound.schema';

/**
 * The Message-ID of the email an item was registered from, as `<id>`, so the acknowledgement
 * lands in the writer's mailbox as an answer to their own message; null for other channels.
 */
export async function originalMessageId(db: Queryable, orgId: string, itemId: string): Promise<string | null> {
  const m = correspondenceEmailMessages;
  const [row] = await db
    .select({ messageId: m.messageId })
    .from(m)
    .where(and(eq(m.orgId, orgId), eq(m.itemId, itemId)))
    .orderBy(asc(m.createdAt))
    .limit(1);
  return row ? `<${row.messageId}>` : null;
}
