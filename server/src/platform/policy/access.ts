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
