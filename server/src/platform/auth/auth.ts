import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError, createAuthMiddleware, isAPIError } from 'better-auth/api';
import { twoFactor } from 'better-auth/plugins';
import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { findActiveMemberships } from '../../modules/org/queries/find-active-memberships';
import { recordAudit } from '../audit/record-audit';
import type { AppConfig } from '../config/config';
import type { Db } from '../db/client';
import { accounts, sessions, twoFactors, users, verifications } from './auth.schema';
import { rememberedPasswordChecks } from './remembered-password-checks';
import { createAttemptCounter } from './sign-in-attempts';

export const MIN_PASSWORD_LENGTH = 12;

type SessionLike =
  | { user: { id: string; twoFactorEnabled?: boolean | null }; session: { ipAddress?: string | null } }
  | null
  | undefined;

/**
 * Which audited event an answered auth request was, if any. verify-totp is an enrolment
 * when a session already existed, and the second step of a sign-in when none did.
 */
export function accountEvent(path: string, session: SessionLike, newSession: SessionLike) {
  const at = (s: NonNullable<SessionLike>) => ({ userId: s.user.id, ip: s.session.ipAddress ?? null });
  if (session && path === '/two-factor/verify-totp')
    return { ...at(session), action: 'member.totp_enable', summary: {} };
  if (session && path === '/two-factor/disable') return { ...at(session), action: 'member.totp_disable', summary: {} };
  if (session && path === '/change-password') return { ...at(session), action: 'member.password_change', summary: {} };
  // With a second factor, the password step is only half a sign-in: verify-totp completes it.
  if (newSession && path === '/sign-in/email' && !newSession.user.twoFactorEnabled)
    return { ...at(newSession), action: 'session.sign_in', summary: { method: 'password' } };
  if (newSession && (path === '/two-factor/verify-totp' || path === '/two-factor/verify-backup-code')) {
    return {
      ...at(newSession),
      action: 'session.sign_in',
      summary: { method: path.endsWith('totp') ? 'password+totp' : 'password+backup_code' },
    };
  }
  return null;
}

/**
 * better-auth: email + password sessions in an httpOnly SameSite=Lax cookie, optional TOTP,
 * rate-limited sign-in. Self sign-up is closed: accounts are created by an administrator
 * (modules/org/commands/create-member.ts) or by the demo seed.
 */
export function createAuth(db: Db, config: AppConfig, secret: string) {
  const secure = config.baseUrl.startsWith('https://');
  return betterAuth({
    appName: 'Dircab',
    baseURL: config.baseUrl,
    basePath: '/api/auth',
    secret,
    trustedOrigins: [config.baseUrl],
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: { user: users, session: sessions, account: accounts, verification: verifications, twoFactor: twoFactors },
    }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 128,
      ...(config.rememberPasswordChecks ? { password: rememberedPasswordChecks() } : {}),
    },
    user: {
      additionalFields: {
        disabled: { type: 'boolean', required: false, defaultValue: false, input: false },
        locale: { type: 'string', required: false, defaultValue: 'fr', input: false },
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 7,
      updateAge: 60 * 60 * 24,
      additionalFields: { activeOrgId: { type: 'string', required: false, input: false } },
    },
    rateLimit: {
      enabled: true,
      customStorage: createAttemptCounter(),
      window: 60,
      max: 300,
      customRules: {
        '/sign-in/email': { window: 60, max: config.signInLimit },
        '/two-factor/verify-totp': { window: 60, max: config.signInLimit },
        '/two-factor/verify-backup-code': { window: 60, max: config.signInLimit },
      },
    },
    advanced: {
      // Vitest sets NODE_ENV=test, in which better-auth would skip its Origin check.
      disableOriginCheck: false,
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure },
      database: { generateId: () => uuidv7() },
      ipAddress: { ipAddressHeaders: ['x-dircab-client-ip'] },
    },
    hooks: {
      // A disabled account is refused before its password is even checked.
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== '/sign-in/email') return;
        const email = String((ctx.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase();
        const [user] = await db.select({ disabled: users.disabled }).from(users).where(eq(users.email, email)).limit(1);
        if (user?.disabled) {
          throw new APIError('FORBIDDEN', { code: 'ACCOUNT_DISABLED', message: 'Account disabled' });
        }
      }),
      // Sign-ins and changes to one's credentials go to the audit trail of every organisation
      // the person works in, so each chief of staff sees who entered, when and from where.
      after: createAuthMiddleware(async (ctx) => {
        if (isAPIError(ctx.context.returned)) return;
        const event = accountEvent(ctx.path, ctx.context.session, ctx.context.newSession);
        if (!event) return;
        const orgs = await findActiveMemberships(db, event.userId);
        for (const { organisation } of orgs) {
          await recordAudit(
            db,
            { userId: event.userId, orgId: organisation.id, ip: event.ip },
            {
              action: event.action,
              recordType: 'member',
              recordId: event.userId,
              summary: event.summary,
            },
          );
        }
      }),
    },
    plugins: [twoFactor({ issuer: 'Dircab' })],
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;
