import type { TRole } from '@dircab/contracts';

/** The diary keepers, who record and answer invitations and prepare briefs (the server's rule, for the buttons). */
const KEEPERS: readonly TRole[] = ['executive', 'chief_of_staff', 'cabinet_head', 'secretariat'];

export const canAnswerInvitations = (role: TRole) => KEEPERS.includes(role);
