import { randomBytes } from 'node:crypto';
import type { TCreateMember } from '@dircab/contracts';
import { hashPassword } from 'better-auth/crypto';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit';
import { accounts, users } from '../../../platform/auth/auth.schema';
import type { Queryable } from '../../../platform/db/client';
import { newId } from '../../../platform/db/columns';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { notifyAccessChange } from '../access-changes';
import { memberships } from '../org.schema';
import { indexMember } from './index-member';
import { checkMemberService } from './member-service';

/** A readable temporary password: 4 groups of 4, about 80 bits. */
function temporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/**
 * Creates (invites) a member of the actor's organisation. A person who already has an
 * account (they work for another organisation, say the CCAS) gets a membership only.
 */
export async function createMember(
  tx: Queryable,
  actor: Pick<Actor, 'userId' | 'orgId' | 'ip'> | null,
  orgId: string,
  input: TCreateMember,
  /** A hash computed once for many accounts (demo seed, tests): scrypt is slow on purpose. */
  options: { passwordHash?: string } = {},
): Promise<{ userId: string; temporaryPassword?: string }> {
  await checkMemberService(tx, orgId, input.serviceId);
  const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
  let userId = existing?.id;
  let temporary: string | undefined;
  if (userId) {
    const [already] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
    if (already) {
      throw problems.conflict('Cette personne est déjà membre de l’organisation.', [
        { path: 'email', message: 'Adresse déjà utilisée dans cette organisation.', code: 'duplicate' },
      ]);
    }
  } else {
    userId = newId();
    if (!input.password && !options.passwordHash) temporary = temporaryPassword();
    const password = input.password ?? temporary ?? '';
    await tx.insert(users).values({ id: userId, name: input.name, email: input.email, emailVerified: true });
    await tx.insert(accounts).values({
      id: newId(),
      accountId: userId,
      providerId: 'credential',
      userId,
      password: options.passwordHash ?? (await hashPassword(password)),
    });
  }
  await tx.insert(memberships).values({
    orgId,
    userId,
    role: input.role,
    jobTitle: input.jobTitle ?? null,
    serviceId: input.serviceId ?? null,
    signsMail: input.signsMail ?? false,
  });
  await recordAudit(
    tx,
    actor,
    {
      action: 'member.create',
      recordType: 'member',
      recordId: userId,
      summary: {
        after: {
          name: input.name,
          email: input.email,
          role: input.role,
          jobTitle: input.jobTitle ?? null,
          serviceId: input.serviceId ?? null,
          signsMail: input.signsMail ?? false,
        },
        existingAccount: Boolean(existing),
      },
    },
    orgId,
  );
  await indexMember(tx, orgId, userId);
  await notifyAccessChange(tx, { orgId, userIds: [userId], serviceIds: [input.serviceId], topics: [] });
  return temporary ? { userId, temporaryPassword: temporary } : { userId };
}
