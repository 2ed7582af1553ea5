import type { TRole } from '@dircab/contracts';
import type { Actor } from '../../../platform/policy/actor';
import { definePolicy } from '../../../platform/policy/define-policy';
import { CORRESPONDENCE_ROLES, type CorrespondenceRecord } from '../correspondence.policy';

/**
 * Inbound channels, attachments and campaigns: who may do what. Reading follows the item's
 * own visibility (the queries filter with `visibleItems`); these rules add the role and the
 * item's state.
 */
export const INBOUND_ROLES = {
  /** See attachments and campaigns: whoever sees correspondence. */
  read: CORRESPONDENCE_ROLES.read,
  /** Register an e-mail or a scan, attach and remove files, detach from a campaign: the cabinet. */
  register: CORRESPONDENCE_ROLES.register,
  /** Mail gateway tokens and the public form's settings: the director of cabinet and the admin. */
  manage: ['chief_of_staff', 'admin'] as readonly TRole[],
} as const;

export const attachmentPolicy = definePolicy<'delete', CorrespondenceRecord & { status: string }>({
  // Only while registered: once routed, what was received is part of the record.
  delete: (actor: Actor, item) => INBOUND_ROLES.register.includes(actor.role) && item.status === 'registered',
});

export const gatewayTokenPolicy = definePolicy<'revoke', { revokedAt: Date | null }>({
  revoke: (actor: Actor, token) => INBOUND_ROLES.manage.includes(actor.role) && token.revokedAt === null,
});
