import { rolesFor, type TConfidentiality, type TRole } from '@dircab/contracts';
import { CABINET_ROLES, canSee } from '../../platform/policy/confidentiality';
import { definePolicy } from '../../platform/policy/define-policy';

/** The roles that open the directory (contracts' MODULES): admin and group staff never do. */
const READ_CONTACTS: readonly TRole[] = rolesFor('directory');
/** Cabinet roles, secretariat included, keep the address book. */
const WRITE_CONTACTS: readonly TRole[] = CABINET_ROLES;
const DELETE_CONTACTS: readonly TRole[] = ['executive', 'chief_of_staff', 'cabinet_head'];
/** Territories and services are reference lists: the admin keeps them with the cabinet's heads. */
const MANAGE_REFERENCE: readonly TRole[] = ['executive', 'chief_of_staff', 'cabinet_head', 'admin'];

/** Route-level capabilities of the directory (config.access). */
export const DIRECTORY_ROLES = {
  readContacts: READ_CONTACTS,
  writeContacts: WRITE_CONTACTS,
  deleteContacts: DELETE_CONTACTS,
  manageReference: MANAGE_REFERENCE,
} as const;

export interface ContactRecord {
  orgId: string;
  confidentiality: TConfidentiality;
  members: readonly string[];
}

/** What an actor may do with a contact; `read` is the confidentiality kernel's canSee. */
export const contactPolicy = definePolicy<'read' | 'update' | 'delete', ContactRecord>({
  read: (actor, c) => canSee(actor, c),
  update: (actor, c) => canSee(actor, c) && WRITE_CONTACTS.includes(actor.role),
  delete: (actor, c) => canSee(actor, c) && DELETE_CONTACTS.includes(actor.role),
});

/** Territories and services: every member reads them, the heads and the admin keep them. */
export const referencePolicy = definePolicy<'update' | 'delete', { orgId: string }>({
  update: (actor, r) => r.orgId === actor.orgId && MANAGE_REFERENCE.includes(actor.role),
  delete: (actor, r) => r.orgId === actor.orgId && MANAGE_REFERENCE.includes(actor.role),
});
