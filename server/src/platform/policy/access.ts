import type { TRole } from '@dircab/contracts';

/**
 * The access decision every route declares in `config.access` (deny by default: a route
 * without one fails at boot and in the route-walk test).
 * - `public`: no session (health, sign-in, public forms); the reason is documentation.
 * - `member`: any signed-in member of the current organisation; the command then scopes
 *   records by what the actor may see.
 * - `roles`: only these roles reach the command; others get 403.
 */
export type RouteAccess =
  | { kind: 'public'; reason: string }
  | { kind: 'member' }
  | { kind: 'roles'; roles: readonly TRole[]; capability: string };

export const access = {
  public: (reason: string): RouteAccess => ({ kind: 'public', reason }),
  member: (): RouteAccess => ({ kind: 'member' }),
  roles: (capability: string, roles: readonly TRole[]): RouteAccess => ({
    kind: 'roles',
    capability,
    roles,
  }),
};

/**
 * Group staff work for a political group, outside the cabinet (seed 002): a route that names a
 * record (`/:id`) and refuses them answers 404, as for any record they may not see, so an id
 * never tells them that a cabinet record exists. Other refused roles get 403: they know the
 * record and lack the right to act on it.
 */
const HIDDEN_FROM: readonly TRole[] = ['group_staff'];

export function refusalStatus(url: string, role: TRole): 403 | 404 {
  return url.includes('/:') && HIDDEN_FROM.includes(role) ? 404 : 403;
}

export function allows(decision: RouteAccess, role: TRole | undefined): boolean {
  switch (decision.kind) {
    case 'public':
      return true;
    case 'member':
      return role !== undefined;
    case 'roles':
      return role !== undefined && decision.roles.includes(role);
  }
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}
