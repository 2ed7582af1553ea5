import type { TRole } from '@dircab/contracts';
import { fromNodeHeaders } from 'better-auth/node';
import type { FastifyRequest } from 'fastify';
import { findActiveMemberships } from '../../modules/org/queries/find-active-memberships';
import type { Db } from '../db/client';
import type { Actor } from '../policy/actor';
import type { Auth } from './auth';

export interface SessionContext {
  actor: Actor;
  memberships: Awaited<ReturnType<typeof findActiveMemberships>>;
  /** Cookies better-auth renews when it extends the session (sent back to the browser). */
  setCookies: string[];
}

/**
 * The actor behind a request: its better-auth session, the user (not disabled) and their
 * membership in the session's organisation (the first active one when none is chosen).
 */
export async function resolveSession(request: FastifyRequest, auth: Auth, db: Db): Promise<SessionContext | null> {
  if (!request.headers.cookie) return null;
  const { headers: answerHeaders, response: found } = await auth.api.getSession({
    headers: fromNodeHeaders(request.headers),
    returnHeaders: true,
  });
  if (!found) return null;
  const user = found.user as typeof found.user & { disabled?: boolean };
  if (user.disabled) return null;
  const memberships = await findActiveMemberships(db, user.id);
  const activeOrgId = (found.session as { activeOrgId?: string | null }).activeOrgId;
  const current = memberships.find((m) => m.organisation.id === activeOrgId) ?? memberships[0];
  if (!current) return null;
  return {
    memberships,
    setCookies: answerHeaders.getSetCookie(),
    actor: {
      userId: user.id,
      name: user.name,
      email: user.email,
      orgId: current.organisation.id,
      role: current.role as TRole,
      sessionId: found.session.id,
      ip: request.ip,
    },
  };
}
