import { randomBytes } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { seedAcknowledgementDemo } from '../modules/correspondence/acknowledgement/acknowledgement-demo';
import { createMember } from '../modules/org/commands/create-member';
import { organisations } from '../modules/org/org.schema';
import type { Queryable } from '../platform/db/client';
import type { AppContext } from '../platform/http/context';
import { seedAgendaDemo } from './agenda-demo';
import { seedCasesDemo } from './cases-demo';
import { seedCorrespondenceDemo } from './correspondence-demo';
import { seedDirectoryDemo } from './directory-demo';
import { seedNotesDemo } from './notes-demo';
import { seedOfficialsDemo } from './officials-demo';
import { DEMO_PROFILES, type DemoOrganisation, type DemoProfile } from './profiles';
import { SeededRandom } from './random';

export interface DemoContext {
  tx: Queryable;
  profile: DemoProfile;
  /** Organisation ids by slug. */
  orgIds: Record<string, string>;
  /** User ids by login. */
  userIds: Record<string, string>;
  random: SeededRandom;
}

/** What a module adds to the demo; modules append theirs to DEMO_SEEDERS, in order. */
export type DemoSeeder = (demo: DemoContext) => Promise<void>;
export const DEMO_SEEDERS: DemoSeeder[] = [
  seedDirectoryDemo,
  seedOfficialsDemo,
  seedCorrespondenceDemo,
  seedCasesDemo,
  seedAcknowledgementDemo,
  seedAgendaDemo,
  seedNotesDemo,
];

async function insertOrganisation(tx: Queryable, o: DemoOrganisation): Promise<string> {
  const [row] = await tx
    .insert(organisations)
    .values({
      slug: o.slug,
      name: o.name,
      kind: o.kind,
      officialCode: o.officialCode,
      timeZone: o.timeZone,
      currency: o.currency,
      locale: o.locale,
    })
    .returning({ id: organisations.id });
  if (!row) throw new Error(`organisation ${o.slug} not created`);
  return row.id;
}

/**
 * Seeds a demo profile in one transaction: organisations, one account per role, then every
 * module's seeder. Deterministic for a given seed (passwords aside).
 */
export async function seedDemo(
  tx: Queryable,
  profile: DemoProfile,
  password: string,
  seed = 2026,
): Promise<DemoContext> {
  const demo: DemoContext = { tx, profile, orgIds: {}, userIds: {}, random: new SeededRandom(seed) };
  const passwordHash = await hashPassword(password);
  for (const org of [profile.main, ...profile.others]) {
    const orgId = await insertOrganisation(tx, org);
    demo.orgIds[org.slug] = orgId;
    for (const member of org.members) {
      const person = profile.people.find((p) => p.login === member.login);
      if (!person) throw new Error(`demo person ${member.login} missing`);
      const { userId } = await createMember(
        tx,
        null,
        orgId,
        {
          name: person.name,
          email: `${person.login}@${profile.emailDomain}`,
          role: member.role,
          jobTitle: member.jobTitle,
          password,
        },
        { passwordHash },
      );
      demo.userIds[person.login] = userId;
    }
  }
  for (const seeder of DEMO_SEEDERS) await seeder(demo);
  return demo;
}

/** On first start with an empty database, seeds the demo and prints its accounts. */
export async function seedDemoIfEmpty(ctx: AppContext, log: FastifyBaseLogger): Promise<void> {
  const { config, db } = ctx;
  if (!config.demo) return;
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(organisations);
  if (!count || count.n > 0) return;
  const password = config.demoPassword ?? randomBytes(9).toString('base64url');
  const profile = DEMO_PROFILES[config.demoProfile];
  await db.transaction((tx) => seedDemo(tx, profile, password));
  const accounts = profile.people.map((p) => `  ${`${p.login}@${profile.emailDomain}`.padEnd(36)} ${p.jobTitle}`);
  log.info({ organisation: profile.main.name, accounts: profile.people.length }, 'demo organisation seeded');
  // Printed, not only logged: whoever ran `npm start` needs the accounts to sign in.
  console.log(
    [
      '',
      `Démonstration : « ${profile.main.name} » créée.`,
      'Comptes de démonstration :',
      ...accounts,
      `Mot de passe : ${config.demoPassword ? '(celui de DIRCAB_DEMO_PASSWORD)' : password}`,
      '',
    ].join('\n'),
  );
}
