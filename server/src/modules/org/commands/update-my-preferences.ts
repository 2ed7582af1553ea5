import { eq } from 'drizzle-orm';
import { diffSummary, recordAudit } from '../../../platform/audit/record-audit';
import { users } from '../../../platform/auth/auth.schema';
import type { Queryable } from '../../../platform/db/client';
import type { Actor } from '../../../platform/policy/actor';

/** The signed-in user's own preferences (the interface language), kept with the account. */
export async function updateMyPreferences(tx: Queryable, actor: Actor, changes: { locale: 'fr' | 'en' }) {
  const [user] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, actor.userId));
  if (!user || user.locale === changes.locale) return;
  await tx.update(users).set({ locale: changes.locale, updatedAt: new Date() }).where(eq(users.id, actor.userId));
  await recordAudit(tx, actor, {
    action: 'member.preferences',
    recordType: 'member',
    recordId: actor.userId,
    summary: diffSummary(user, changes),
  });
}
