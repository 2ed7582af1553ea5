import { rolesFor } from '@dircab/contracts';
import { definePolicy } from '../../platform/policy/define-policy';

/** Route-level capabilities of the org module (config.access). */
export const ORG_ROLES = {
  manageMembers: rolesFor('admin'),
  manageSettings: rolesFor('admin'),
} as const;

export interface MemberRecord {
  userId: string;
  role: string;
  active: boolean;
}

/** What an actor may do with a member of their organisation. */
export const memberPolicy = definePolicy<'update' | 'changeRole' | 'disable' | 'enable', MemberRecord>({
  update: (actor) => actor.role === 'admin',
  // An admin cannot demote or lock out themselves: another admin has to.
  changeRole: (actor, m) => actor.role === 'admin' && m.userId !== actor.userId,
  disable: (actor, m) => actor.role === 'admin' && m.userId !== actor.userId && m.active,
  enable: (actor, m) => actor.role === 'admin' && !m.active,
});

export const organisationPolicy = definePolicy<'update', { id: string }>({
  update: (actor, org) => actor.role === 'admin' && actor.orgId === org.id,
});
