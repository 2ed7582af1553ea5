import type { TRole } from '@dircab/contracts';

// Records carry their `policies`, but a section is shown before anything is loaded: which
// roles may manage which setting is mirrored here, in one place, from the server's policies.
const CABINET: readonly TRole[] = [
  'executive',
  'chief_of_staff',
  'cabinet_head',
  'advisor',
  'secretariat',
  'communication',
];
const DIRECTOR_AND_ADMIN: readonly TRole[] = ['chief_of_staff', 'admin'];

/** The settings sections, in the order of the page's tabs. */
export const SETTINGS_SECTIONS = [
  'types',
  'numbering',
  'replyTemplates',
  'acknowledgement',
  'holidays',
  'mail',
  'gateway',
  'publicForm',
] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

const MANAGERS: Record<SettingsSection, readonly TRole[]> = {
  // follow-up.policy.ts itemTypes = correspondence.policy.ts manage
  types: ['executive', 'chief_of_staff', 'admin'],
  // correspondence.policy.ts manage (GET/PUT /correspondence/settings)
  numbering: ['executive', 'chief_of_staff', 'admin'],
  // processing.routes.ts: reply templates are written by the cabinet (register)
  replyTemplates: CABINET,
  // acknowledgement.policy.ts manageTemplates (templates and letterhead)
  acknowledgement: ['executive', 'chief_of_staff', 'cabinet_head', 'admin'],
  // follow-up.policy.ts holidays
  holidays: DIRECTOR_AND_ADMIN,
  // platform/mailer/mail-settings.ts MAIL_SETTINGS_ROLES
  mail: DIRECTOR_AND_ADMIN,
  // inbound.policy.ts manage
  gateway: DIRECTOR_AND_ADMIN,
  publicForm: DIRECTOR_AND_ADMIN,
};

/** The sections the role may manage: the page shows these only. */
export const sectionsFor = (role: TRole): SettingsSection[] =>
  SETTINGS_SECTIONS.filter((s) => MANAGERS[s].includes(role));

/** The register's export and the figures are the cabinet's (follow-up.policy.ts). */
export const canReadFigures = (role: TRole) => CABINET.includes(role);
export const canExportRegister = (role: TRole) => CABINET.includes(role);
