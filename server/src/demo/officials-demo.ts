import type { TMandateBody, TMandateFunction } from '@dircab/contracts';
import { indexContact } from '../modules/directory/commands/index-contact';
import { indexOfficial } from '../modules/directory/commands/index-official';
import { contactNames } from '../modules/directory/contact-names';
import { contacts } from '../modules/directory/directory.schema';
import { mandates, officials, politicalGroups } from '../modules/directory/officials.schema';
import type { DemoContext } from './seed-demo';

// Invented people and groups (DOMAIN.md): any likeness to a real person or list is a coincidence.

interface DemoOfficial {
  civility: 'Mme' | 'M.';
  firstName: string;
  lastName: string;
  /** The demo account this official signs in with. */
  login?: string;
  function: TMandateFunction;
  rank?: number;
  label: string;
  portfolios: string[];
  /** Index in the setting's groups. */
  group: number;
}

interface DemoOfficialsSetting {
  body: TMandateBody;
  bodyName: string;
  startDate: string;
  /** The group whose staff is the demo's groupe@ account is the one with `staffLogin`. */
  groups: { name: string; side: 'majority' | 'opposition'; staffLogin?: string }[];
  officials: DemoOfficial[];
}

const MONT_DORE: DemoOfficialsSetting = {
  body: 'conseil_municipal',
  bodyName: 'Conseil municipal du Mont-Dore',
  startDate: '2026-03-22',
  groups: [
    { name: 'Unis pour le Mont-Dore', side: 'majority' },
    { name: 'Mont-Dore Autrement', side: 'opposition', staffLogin: 'groupe' },
  ],
  officials: [
    {
      civility: 'Mme',
      firstName: 'Hélène',
      lastName: 'Boyer',
      login: 'maire',
      function: 'maire',
      label: 'Maire',
      portfolios: [],
      group: 0,
    },
    {
      civility: 'M.',
      firstName: 'Paul',
      lastName: 'Néhoué',
      login: 'adjoint',
      function: 'adjoint',
      rank: 1,
      label: 'Premier adjoint',
      portfolios: ['travaux', 'voirie', 'urbanisme'],
      group: 0,
    },
    ...(
      [
        ['Mme', 'Josiane', 'Kawa', ['éducation', 'périscolaire', 'cantine scolaire']],
        ['M.', 'Didier', 'Lemaître', ['action sociale', 'logement', 'personnes âgées']],
        ['Mme', 'Valérie', 'Toura', ['culture et sports', 'vie associative']],
        ['M.', 'Franck', 'Séréno', ['environnement', 'déchets', 'espaces verts']],
        ['Mme', 'Isabelle', 'Chaverot', ['finances', 'budget', 'marchés publics']],
      ] as const
    ).map(
      ([civility, firstName, lastName, portfolios], i): DemoOfficial => ({
        civility,
        firstName,
        lastName,
        function: 'adjoint',
        rank: i + 2,
        label: `${i + 2}e adjoint${civility === 'Mme' ? 'e' : ''}`,
        portfolios: [...portfolios],
        group: 0,
      }),
    ),
    ...(
      [
        ['M.', 'Rémi', 'Ouétcho', ['jeunesse']],
        ['Mme', 'Corinne', 'Faivre', ['sécurité et prévention']],
        ['M.', 'Samuel', 'Tuilagi', ['quartiers et vie de proximité']],
      ] as const
    ).map(
      ([civility, firstName, lastName, portfolios]): DemoOfficial => ({
        civility,
        firstName,
        lastName,
        function: 'conseiller_delegue',
        label: `Conseill${civility === 'Mme' ? 'ère déléguée' : 'er délégué'}`,
        portfolios: [...portfolios],
        group: 0,
      }),
    ),
    ...(
      [
        ['M.', 'Gérard', 'Bouquet'],
        ['Mme', 'Nadège', 'Wamo'],
        ['M.', 'Alexis', 'Perrin'],
      ] as const
    ).map(
      ([civility, firstName, lastName]): DemoOfficial => ({
        civility,
        firstName,
        lastName,
        function: 'conseiller_municipal',
        label: `Conseill${civility === 'Mme' ? 'ère' : 'er'} municipal${civility === 'Mme' ? 'e' : ''}`,
        portfolios: [],
        group: 1,
      }),
    ),
  ],
};

const MEUSE: DemoOfficialsSetting = {
  body: 'conseil_departemental',
  bodyName: 'Conseil départemental de la Meuse',
  startDate: '2021-07-01',
  groups: [
    { name: 'Meuse Avenir', side: 'majority' },
    { name: 'Meuse en commun', side: 'opposition', staffLogin: 'groupe' },
  ],
  officials: [
    {
      civility: 'M.',
      firstName: 'Bernard',
      lastName: 'Aubry',
      login: 'president',
      function: 'president',
      label: 'Président du conseil départemental',
      portfolios: [],
      group: 0,
    },
    {
      civility: 'Mme',
      firstName: 'Anne',
      lastName: 'Lhuillier',
      login: 'vp',
      function: 'vice_president',
      rank: 1,
      label: '1re vice-présidente',
      portfolios: ['solidarités', 'autonomie'],
      group: 0,
    },
    ...(
      [
        ['M.', 'Denis', 'Royer', ['routes', 'mobilités']],
        ['Mme', 'Carole', 'Masson', ['collèges', 'jeunesse']],
        ['M.', 'Thierry', 'Gaudé', ['finances', 'ressources humaines']],
      ] as const
    ).map(
      ([civility, firstName, lastName, portfolios], i): DemoOfficial => ({
        civility,
        firstName,
        lastName,
        function: 'vice_president',
        rank: i + 2,
        label: `${i + 2}e vice-président${civility === 'Mme' ? 'e' : ''}`,
        portfolios: [...portfolios],
        group: 0,
      }),
    ),
    ...(
      [
        ['Mme', 'Élodie', 'Pierson'],
        ['M.', 'Julien', 'Cordier'],
      ] as const
    ).map(
      ([civility, firstName, lastName]): DemoOfficial => ({
        civility,
        firstName,
        lastName,
        function: 'conseiller_departemental',
        label: `Conseill${civility === 'Mme' ? 'ère départementale' : 'er départemental'}`,
        portfolios: [],
        group: 1,
      }),
    ),
  ],
};

/** The demo's elected members, by the main organisation's slug. */
export const DEMO_OFFICIALS: Record<string, DemoOfficialsSetting> = { 'mont-dore': MONT_DORE, meuse: MEUSE };

/** The council of the demo's main organisation: its groups, officials and mandates (a few statements). */
export async function seedOfficialsDemo(demo: DemoContext): Promise<void> {
  const { tx, profile } = demo;
  const setting = DEMO_OFFICIALS[profile.main.slug];
  const orgId = demo.orgIds[profile.main.slug];
  if (!setting || !orgId) return;

  const groupRows = await tx
    .insert(politicalGroups)
    .values(
      setting.groups.map((g) => {
        const staffId = g.staffLogin ? demo.userIds[g.staffLogin] : undefined;
        return { orgId, name: g.name, side: g.side, staff: staffId ? [staffId] : [] };
      }),
    )
    .returning();

  const contactRows = await tx
    .insert(contacts)
    .values(
      setting.officials.map((o) => ({
        orgId,
        kind: 'person' as const,
        civility: o.civility,
        firstName: o.firstName,
        lastName: o.lastName,
        formOfAddress: o.civility === 'Mme' ? 'Madame' : 'Monsieur',
        jobTitle: o.label,
        employer: profile.main.name,
        tags: ['élu'],
        ...contactNames({ kind: 'person', firstName: o.firstName, lastName: o.lastName }),
      })),
    )
    .returning();
  for (const row of contactRows) await indexContact(tx, row);

  const officialRows = await tx
    .insert(officials)
    .values(
      setting.officials.map((o, i) => ({
        orgId,
        contactId: contactRows[i]?.id as string,
        userId: (o.login && demo.userIds[o.login]) || null,
        portfolios: o.portfolios,
        politicalGroupId: groupRows[o.group]?.id ?? null,
      })),
    )
    .returning();

  const mandateRows = await tx
    .insert(mandates)
    .values(
      setting.officials.map((o, i) => ({
        orgId,
        contactId: contactRows[i]?.id as string,
        officialId: officialRows[i]?.id as string,
        isOwnOrganisation: true,
        function: o.function,
        rank: o.rank ?? null,
        label: o.label,
        body: setting.body,
        bodyName: setting.bodyName,
        collectivityCode: profile.main.officialCode,
        collectivityName: profile.main.name,
        startDate: setting.startDate,
        source: 'demo',
      })),
    )
    .returning();

  for (const [i, row] of officialRows.entries()) {
    const o = setting.officials[i];
    const m = mandateRows[i];
    if (!o || !m) continue;
    await indexOfficial(tx, { ...row, displayName: `${o.firstName} ${o.lastName}` }, [m]);
  }
}
