import type { TRetention, TRetentionInput } from '@dircab/contracts';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../../../platform/db/client';
import type { Actor } from '../../../../platform/policy/actor';
import { retentionPolicies } from '../privacy.policy';
import { privacyRetention } from '../privacy.schema';
import { DEFAULT_RETENTION } from '../retention-defaults';

export interface RetentionSettings extends TRetentionInput {
  isDefault: boolean;
  updatedAt: Date | null;
}

/** The organisation's retention periods, or the defaults when it has set none. */
export async function findRetention(db: Queryable, orgId: string): Promise<RetentionSettings> {
  const [row] = await db.select().from(privacyRetention).where(eq(privacyRetention.orgId, orgId));
  if (!row) return { ...DEFAULT_RETENTION, isDefault: true, updatedAt: null };
  return {
    constituents: row.constituentsMonths,
    otherOfficials: row.otherOfficialsMonths,
    ownOfficials: row.ownOfficialsMonths,
    organisationNotes: row.organisationNotesMonths,
    isDefault: false,
    updatedAt: row.updatedAt,
  };
}

export function presentRetention(actor: Actor, r: RetentionSettings): TRetention {
  return {
    constituents: r.constituents,
    otherOfficials: r.otherOfficials,
    ownOfficials: r.ownOfficials,
    organisationNotes: r.organisationNotes,
    isDefault: r.isDefault,
    updatedAt: r.updatedAt?.toISOString() ?? null,
    policies: retentionPolicies(actor),
  };
}
