import type { TRole } from '@dircab/contracts';
import { fromNodeHeaders } from 'better-auth/node';
import type { FastifyRequest } from 'fastify';
import { findActiveMemberships } from '../../modules/org/queries/find-active-memberships';
import type { Db } from '../db/client';
import type { Actor } from '../policy/actor';
import type { Auth } from './auth';
import { findSessionRow, type SessionRow } from './find-session-row';
import type { SessionCache } from './session-cache';
import { readSessionCookie, type SessionCookieNames } from './session-cookie';

export interface SessionContext {
  actor: Actor;
  memberships: Awaited<ReturnType<typeof findActiveMemberships>>;
  /** Cookies better-auth renews when it extends the session (sent back to the browser). */
  setCookies: string[];
}

interface SessionSettings {
  names: SessionCookieNames;
  secret: string;
  /** Seconds: a session lasts `expiresIn`, and better-auth extends it once `updateAge` old. */
  expiresIn: number;
  updateAge: number;
}

const settingsOf = new WeakMap<Auth, Promise<SessionSettings>>();

async function loadSettings(auth: Auth): Promise<SessionSettings> {
  const context = await auth.$context;
  const cookies = context.authCookies;
  return {
    names: {
      sessionToken: cookies.sessionToken.name,
      others: [cookies.sessionData.name, cookies.dontRememberToken.name, cookies.accountData.name],
    },
    secret: context.secret,
    expiresIn: context.sessionConfig.expiresIn,
    updateAge: context.sessionConfig.updateAge,
  };
}

/**
 * The actor behind a request: its better-auth session, the user (not disabled) and their
 * membership in the session's organisation (the first active one when none is chosen).
 * The usual case is read in one query (findSessionRow), or taken from the app's session
 * cache (session-cache.ts), which holds that same row only while every change to its tables
 * is heard; the checks below run on the row either way, so expiry and extension behave
 * alike. better-auth itself answers whatever would make it write or answer differently: a
 * session due for extension, an expired one (it deletes it), its cache or "don't remember
 * me" cookies; what it answers is never kept.
 */
export async function resolveSession(request: FastifyRequest, auth: Auth, db: Db): Promise<SessionContext | null> {
  if (!request.headers.cookie) return null;
  let settings = settingsOf.get(auth);
  if (!settings) {
    settings = loadSettings(auth);
    settingsOf.set(auth, settings);
  }
  const { names, secret, expiresIn, updateAge } = await settings;
  const cookie = readSessionCookie(request.headers.cookie, names, secret);
  if (cookie === null) return null;
  if (cookie !== 'defer') {
    const cache = request.server.sessionCache?.cache;
    const row = cache?.get(cookie.token) ?? (await readSessionRow(db, cookie.token, cache));
    if (!row) return null;
    const now = Date.now();
    const dueForExtension = row.expiresAt.getTime() - expiresIn * 1000 + updateAge * 1000 <= now;
    if (row.expiresAt.getTime() > now && !dueForExtension) return sessionContext(request, row, []);
    // better-auth is about to extend or delete this session: the kept row goes out of date.
    cache?.delete(cookie.token);
  }
  return throughBetterAuth(request, auth, db);
}

/** Reads the row and keeps it, unless the cache was emptied during the read (see SessionCache). */
async function readSessionRow(db: Db, token: string, cache: SessionCache | undefined): Promise<SessionRow | null> {
  const generation = cache?.generation ?? 0;
  const row = await findSessionRow(db, token);
  if (row) cache?.set(token, row, generation);
  return row;
}

async function throughBetterAuth(request: FastifyRequest, auth: Auth, db: Db): Promise<SessionContext | null> {
  const { headers: answerHeaders, response: found } = await auth.api.getSession({
    headers: fromNodeHeaders(request.headers),
    returnHeaders: true,
  });
  if (!found) return null;
  const user = found.user as typeof found.user & { disabled?: boolean };
  return sessionContext(
    request,
    {
      sessionId: found.session.id,
      expiresAt: found.session.expiresAt,
      activeOrgId: (found.session as { activeOrgId?: string | null }).activeOrgId ?? null,
      userId: user.id,
      name: user.name,
      email: user.email,
      disabled: user.disabled === true,
      memberships: await findActiveMemberships(db, user.id),
    },
    answerHeaders.getSetCookie(),
  );
}

function sessionContext(request: FastifyRequest, row: SessionRow, setCookies: string[]): SessionContext | null {
  if (row.disabled) return null;
  const current = row.memberships.find((m) => m.organisation.id === row.activeOrgId) ?? row.memberships[0];
  if (!current) return null;
  const orgId = current.organisation.id;
  return {
    memberships: row.memberships.map(({ organisation, role }) => ({ organisation, role })),
    setCookies,
    actor: {
      userId: row.userId,
      name: row.name,
      email: row.email,
      orgId,
      role: current.role as TRole,
      sessionId: row.sessionId,
      ip: request.ip,
      ...(current.serviceId !== undefined && current.signsMail !== undefined
        ? { membership: { orgId, serviceId: current.serviceId, signsMail: current.signsMail } }
        : {}),
    },
  };
}
