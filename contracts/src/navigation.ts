import { ROLES, type TRole } from './org';

/** The cabinet, officials and services: the roles that see content named to them. */
const CABINET_AND_FIELD = [
  'executive',
  'chief_of_staff',
  'cabinet_head',
  'advisor',
  'secretariat',
  'communication',
  'official',
  'services',
] as const satisfies readonly TRole[];

/**
 * The modules of the navigation and the roles that may open each. The server answers 403
 * to the others; the web shows each role only its own. Modules join this list as they land.
 */
export const MODULES = [
  { key: 'home', roles: ROLES },
  // Who reads correspondence (server/src/modules/correspondence/correspondence.policy.ts): not admin, not group staff.
  {
    key: 'correspondence',
    roles: [
      'executive',
      'chief_of_staff',
      'cabinet_head',
      'advisor',
      'secretariat',
      'communication',
      'official',
      'services',
    ],
  },
  // Who reads contacts (server/src/modules/directory/directory.policy.ts): not admin, not group staff.
  {
    key: 'directory',
    roles: [
      'executive',
      'chief_of_staff',
      'cabinet_head',
      'advisor',
      'secretariat',
      'communication',
      'official',
      'services',
    ],
  },
  // Who reads the diaries (server/src/modules/agenda/agenda.policy.ts): the cabinet, officials, services.
  { key: 'agenda', roles: [...CABINET_AND_FIELD] },
  // Cases, notes and tasks (server/src/modules/{cases,notes,tasks}/*.policy.ts): officials and
  // services see only what names them; admin and group staff never see content.
  { key: 'cases', roles: [...CABINET_AND_FIELD] },
  { key: 'notes', roles: [...CABINET_AND_FIELD] },
  { key: 'tasks', roles: [...CABINET_AND_FIELD] },
  { key: 'search', roles: ROLES.filter((r) => r !== 'admin') },
  { key: 'audit', roles: ['chief_of_staff', 'admin'] },
  { key: 'admin', roles: ['admin'] },
] as const satisfies readonly { key: string; roles: readonly TRole[] }[];

export type TModuleKey = (typeof MODULES)[number]['key'];

export function modulesFor(role: TRole): TModuleKey[] {
  return MODULES.filter((m) => (m.roles as readonly TRole[]).includes(role)).map((m) => m.key);
}

export function rolesFor(key: TModuleKey): readonly TRole[] {
  const found = MODULES.find((m) => m.key === key);
  return found ? found.roles : [];
}
