import type { TRole } from '@dircab/contracts';
import type { Actor } from '../../../platform/policy/actor';
import { CABINET_ROLES } from '../../../platform/policy/confidentiality';
import { definePolicy } from '../../../platform/policy/define-policy';
import { CORRESPONDENCE_ROLES } from '../correspondence.policy';

/**
 * Who reaches the follow-up routes. Item types are the register's settings (its managers); the
 * holiday calendar is an organisation setting (the admin and the director of cabinet); the
 * register's export and the figures are the cabinet's; saved views belong to whoever has an inbox.
 */
export const FOLLOW_UP_ROLES = {
  itemTypes: CORRESPONDENCE_ROLES.manage,
  holidays: ['admin', 'chief_of_staff'] as readonly TRole[],
  register: CABINET_ROLES,
  figures: CABINET_ROLES,
  views: CORRESPONDENCE_ROLES.read,
} as const;

export const itemTypePolicy = definePolicy<'create' | 'update' | 'delete', { orgId: string }>({
  create: (actor, org) => org.orgId === actor.orgId && FOLLOW_UP_ROLES.itemTypes.includes(actor.role),
  update: (actor, type) => type.orgId === actor.orgId && FOLLOW_UP_ROLES.itemTypes.includes(actor.role),
  delete: (actor, type) => type.orgId === actor.orgId && FOLLOW_UP_ROLES.itemTypes.includes(actor.role),
});

/** A saved view is its owner's alone. */
export const savedViewPolicy = definePolicy<'delete', { orgId: string; userId: string }>({
  delete: (actor: Actor, view) => view.orgId === actor.orgId && view.userId === actor.userId,
});

export const holidaySettingsPolicy = definePolicy<'update', { orgId: string }>({
  update: (actor, settings) => settings.orgId === actor.orgId && FOLLOW_UP_ROLES.holidays.includes(actor.role),
});
