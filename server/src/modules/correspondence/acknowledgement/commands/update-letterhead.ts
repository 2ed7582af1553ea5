import type { TUpdateLetterhead } from '@dircab/contracts';
import { recordAudit } from '../../../../platform/audit/record-audit';
import type { Queryable } from '../../../../platform/db/client';
import type { Actor } from '../../../../platform/policy/actor';
import { correspondenceLetterheads } from '../acknowledgement.schema';
import { findLetterhead, type LetterheadRow } from '../letterhead';

/** Creates or replaces the organisation's letterhead and the contacts acknowledgements print. */
export async function updateLetterhead(
  tx: Queryable,
  actor: Actor,
  org: { id: string; name: string },
  input: TUpdateLetterhead,
): Promise<LetterheadRow> {
  const before = await findLetterhead(tx, org);
  const values = {
    organisationName: input.organisationName,
    addressLines: input.addressLines,
    phone: input.phone || null,
    email: input.email?.toLowerCase() ?? null,
    website: input.website || null,
    place: input.place,
    secretariatName: input.secretariatName,
    secretariatEmail: input.secretariatEmail?.toLowerCase() ?? null,
    secretariatPhone: input.secretariatPhone || null,
    executiveName: input.executiveName || null,
    executiveTitle: input.executiveTitle || null,
    appealCourt: input.appealCourt,
    updatedAt: new Date(),
  };
  const [row] = await tx
    .insert(correspondenceLetterheads)
    .values({ orgId: actor.orgId, ...values })
    .onConflictDoUpdate({ target: correspondenceLetterheads.orgId, set: values })
    .returning();
  if (!row) throw new Error('letterhead not saved');
  const { updatedAt: _b, ...was } = before;
  const { updatedAt: _a, ...now } = row;
  await recordAudit(tx, actor, {
    action: 'correspondence.letterhead.update',
    recordType: 'correspondence_letterhead',
    recordId: actor.orgId,
    summary: { before: was, after: now },
  });
  return row;
}
