import type { TRole } from '@dircab/contracts';

// Mirror of the server's list (server/src/modules/tasks/tasks.policy.ts): the cabinet,
// officials and services create tasks; group staff and the admin never.
const CREATE: readonly TRole[] = [
  'executive',
  'chief_of_staff',
  'cabinet_head',
  'advisor',
  'secretariat',
  'communication',
  'official',
  'services',
];

export const canCreateTask = (role: TRole) => CREATE.includes(role);
