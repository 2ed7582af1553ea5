import type { TRole } from '@dircab/contracts';
import type { Actor } from '../../../platform/policy/actor';
import { CABINET_ROLES } from '../../../platform/policy/confidentiality';
import { definePolicy } from '../../../platform/policy/define-policy';
import { CORRESPONDENCE_ROLES } from '../correspondence.policy';

/**
 * Acknowledgements: whoever may see an item may print its acknowledgement (a service that
 * answers at its desk); the cabinet, which registers the mail, sends it. Templates and the
 * letterhead are settings: the cabinet reads them, its heads and the admin change them.
 */
const MANAGE_TEMPLATES: readonly TRole[] = ['executive', 'chief_of_staff', 'cabinet_head', 'admin'];

export const ACKNOWLEDGEMENT_ROLES = {
  read: CORRESPONDENCE_ROLES.read,
  send: CORRESPONDENCE_ROLES.register,
  templates: [...CABINET_ROLES, 'admin'] as readonly TRole[],
  manageTemplates: MANAGE_TEMPLATES,
} as const;

export const acknowledgementPolicy = definePolicy<'send' | 'manageTemplates', { orgId: string; direction?: string }>({
  // The item was found through the visibility query: only the role and the direction remain.
  send: (actor, item) =>
    item.orgId === actor.orgId && ACKNOWLEDGEMENT_ROLES.send.includes(actor.role) && item.direction === 'in',
  manageTemplates: (actor, record) => record.orgId === actor.orgId && MANAGE_TEMPLATES.includes(actor.role),
});

export const mayManageTemplates = (actor: Actor) => MANAGE_TEMPLATES.includes(actor.role);
