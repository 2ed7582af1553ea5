import type { TRole } from '@dircab/contracts';

// Mirrors OFFICIAL_ROLES.import (server/src/modules/directory/officials.policy.ts): importing
// writes contacts and officials in bulk, so the cabinet's heads and the secretariat only.
const IMPORTERS: readonly TRole[] = ['executive', 'chief_of_staff', 'cabinet_head', 'secretariat'];

export const canImport = (role: TRole) => IMPORTERS.includes(role);

export const IMPORT_PATH = '/directory/import';

/** Largest file the server takes (imports.routes.ts). */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
