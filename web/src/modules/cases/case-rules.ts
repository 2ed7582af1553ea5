import type { TRole } from '@dircab/contracts';

// Mirrors of the server's role lists (server/src/modules/cases/cases.policy.ts): the web shows
// only the buttons that work; the server still decides.
const CREATE: readonly TRole[] = [
  'executive',
  'chief_of_staff',
  'cabinet_head',
  'advisor',
  'secretariat',
  'communication',
  'official',
];
const REPORT: readonly TRole[] = ['executive', 'chief_of_staff', 'cabinet_head', 'advisor'];
// GET /api/v1/members/lookup (server/src/modules/org/org.routes.ts).
const MEMBER_LOOKUP: readonly TRole[] = ['executive', 'chief_of_staff', 'cabinet_head'];

export const canCreateCase = (role: TRole) => CREATE.includes(role);
export const canReadInterventionReport = (role: TRole) => REPORT.includes(role);
/** Whether the role may pick people by name (members, owner, team, assignee). */
export const canLookUpMembers = (role: TRole) => MEMBER_LOOKUP.includes(role);
