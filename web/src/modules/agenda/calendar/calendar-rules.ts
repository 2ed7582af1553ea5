import type { TRole } from '@dircab/contracts';

// Mirrors server/src/modules/agenda/agenda.policy.ts for what has no record yet (the create
// button); events carry their own `policies`.
const WRITERS: readonly TRole[] = ['executive', 'chief_of_staff', 'cabinet_head', 'secretariat', 'official'];

export const canPlanEvents = (role: TRole) => WRITERS.includes(role);
