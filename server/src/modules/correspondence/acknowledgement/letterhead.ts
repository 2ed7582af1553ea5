import type { TLetterhead } from '@dircab/contracts';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import type { Actor } from '../../../platform/policy/actor';
import { acknowledgementPolicy } from './acknowledgement.policy';
import { correspondenceLetterheads } from './acknowledgement.schema';

export type LetterheadRow = typeof correspondenceLetterheads.$inferSelect;

/** The organisation's letterhead, or one made of its name until someone fills it in. */
export async function findLetterhead(db: Queryable, org: { id: string; name: string }): Promise<LetterheadRow> {
  const [row] = await db.select().from(correspondenceLetterheads).where(eq(correspondenceLetterheads.orgId, org.id));
  return (
    row ?? {
      orgId: org.id,
      organisationName: org.name,
      addressLines: [],
      phone: null,
      email: null,
      website: null,
      place: '',
      secretariatName: 'Secrétariat du cabinet',
      secretariatEmail: null,
      secretariatPhone: null,
      executiveName: null,
      executiveTitle: null,
      appealCourt: 'le tribunal administratif territorialement compétent',
      updatedAt: new Date(0),
    }
  );
}

export function presentLetterhead(actor: Actor, row: LetterheadRow): TLetterhead {
  const { orgId: _org, updatedAt: _at, ...fields } = row;
  return { ...fields, policies: { update: acknowledgementPolicy.can(actor, 'manageTemplates', { orgId: row.orgId }) } };
}

/** The letterhead's lines under the organisation's name: address, phone, email, website. */
export function letterheadLines(row: LetterheadRow): string[] {
  return [
    ...row.addressLines,
    ...(row.phone ? [`Tél. ${row.phone}`] : []),
    ...(row.email ? [row.email] : []),
    ...(row.website ? [row.website] : []),
  ];
}
