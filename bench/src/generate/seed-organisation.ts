// The organisation the benchmark signs in to: the commune demo (Le Mont-Dore, one account per
// role, its services, neighbourhoods, officials, item types and a few records of each module),
// seeded by the product's own demo seed, so the data is what a real instance starts from.

import { DEMO_PROFILES } from '../../../server/src/demo/profiles';
import { seedDemo } from '../../../server/src/demo/seed-demo';
import type { Database } from '../../../server/src/platform/db/client';

export const BENCH_PASSWORD = 'banc-d-essai-dircab-2026';
export const PROFILE = DEMO_PROFILES.commune;

export interface SeededOrganisation {
  orgId: string;
  /** User ids by demo login (maire, dircab, secretariat…). */
  userIds: Record<string, string>;
  /** The e-mail a login signs in with. */
  emailOf(login: string): string;
}

export async function seedOrganisation(database: Database): Promise<SeededOrganisation> {
  const demo = await database.db.transaction((tx) => seedDemo(tx, PROFILE, BENCH_PASSWORD));
  const orgId = demo.orgIds[PROFILE.main.slug];
  if (!orgId) throw new Error('demo organisation not seeded');
  return { orgId, userIds: demo.userIds, emailOf: (login) => `${login}@${PROFILE.emailDomain}` };
}
