import type { TRole } from '@dircab/contracts';

/** Who is acting: the signed-in user in their current organisation. */
export interface Actor {
  userId: string;
  name: string;
  email: string;
  orgId: string;
  role: TRole;
  sessionId: string;
  ip: string;
  /**
   * The membership's service and delegation of signature, when the session read them with the
   * role (find-session-row.ts): rules that need them then spare a query. `orgId` says which
   * organisation they belong to, so a copy of the actor made for another one does not reuse them.
   */
  membership?: { orgId: string; serviceId: string | null; signsMail: boolean };
}
