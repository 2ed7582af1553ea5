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
}
