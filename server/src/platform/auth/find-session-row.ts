import type { TOrganisation, TRole } from '@dircab/contracts';
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../db/client';

export interface SessionMembership {
  organisation: TOrganisation;
  role: TRole;
  /** Read with the role when the session is read in one query; absent through better-auth. */
  serviceId?: string | null;
  signsMail?: boolean;
}

export interface SessionRow {
  sessionId: string;
  expiresAt: Date;
  activeOrgId: string | null;
  userId: string;
  name: string;
  email: string;
  disabled: boolean;
  /** Active memberships, oldest first (as findActiveMemberships orders them). */
  memberships: SessionMembership[];
}

/**
 * The session of a token with its user and the user's active memberships, in one round trip
 * (better-auth's getSession takes two, the memberships a third): this runs before every
 * authenticated request that the session cache cannot answer. The cache (session-cache.ts)
 * keeps these rows by token and is emptied whole whenever a request that may write
 * completes in this process, and whenever a trigger on sessions, users, memberships or
 * organisations notifies a change committed anywhere (migration 0035); it answers nothing
 * while that notification channel is not heard. So a revoked session, a disabled account or
 * a removed membership is refused on the very next request when the change went through
 * this process, and as soon as the notification arrives when it came from elsewhere.
 */
export async function findSessionRow(db: Queryable, token: string): Promise<SessionRow | null> {
  const [row] = await queryRows<{
    session_id: string;
    expires_at: Date | string;
    active_org_id: string | null;
    user_id: string;
    name: string;
    email: string;
    disabled: boolean | null;
    memberships: SessionMembership[] | string | null;
  }>(
    db,
    sql`select s.id as session_id, s.expires_at, s.active_org_id, u.id as user_id, u.name, u.email, u.disabled,
      (select json_agg(json_build_object(
          'role', m.role, 'serviceId', m.service_id, 'signsMail', m.signs_mail,
          'organisation', json_build_object('id', o.id, 'slug', o.slug, 'name', o.name, 'kind', o.kind,
            'officialCode', o.official_code, 'timeZone', o.time_zone, 'currency', o.currency, 'locale', o.locale))
        order by m.created_at, o.id)
        from memberships m join organisations o on o.id = m.org_id
        where m.user_id = u.id and m.active) as memberships
      from sessions s join users u on u.id = s.user_id
      where s.token = ${token}`,
  );
  if (!row) return null;
  const memberships = typeof row.memberships === 'string' ? JSON.parse(row.memberships) : row.memberships;
  return {
    sessionId: row.session_id,
    expiresAt: new Date(row.expires_at),
    activeOrgId: row.active_org_id,
    userId: row.user_id,
    name: row.name,
    email: row.email,
    disabled: row.disabled === true,
    memberships: memberships ?? [],
  };
}
