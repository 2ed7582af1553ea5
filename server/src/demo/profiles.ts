import type { TOrgKind, TRole } from '@dircab/contracts';

export interface DemoPerson {
  /** Local part of the e-mail address: `maire` → maire@mont-dore.example. */
  login: string;
  name: string;
  role: TRole;
  jobTitle: string;
}

export interface DemoOrganisation {
  slug: string;
  name: string;
  kind: TOrgKind;
  officialCode: string;
  timeZone: string;
  currency: string;
  locale: string;
  /** Logins of the main organisation's people who also work here, with their role here. */
  members: { login: string; role: TRole; jobTitle: string }[];
}

export interface DemoProfile {
  emailDomain: string;
  main: DemoOrganisation;
  people: DemoPerson[];
  others: DemoOrganisation[];
  /** Neighbourhoods, for the directory's territories (issue 3). */
  territories: string[];
}

const ALL_ROLES_MEMBERS = (people: DemoPerson[]) =>
  people.map(({ login, role, jobTitle }) => ({ login, role, jobTitle }));

// People are invented (DOMAIN.md): any likeness to a real person is a coincidence.
const MONT_DORE_PEOPLE: DemoPerson[] = [
  { login: 'maire', name: 'Hélène Boyer', role: 'executive', jobTitle: 'Maire' },
  { login: 'dircab', name: 'Julien Marchal', role: 'chief_of_staff', jobTitle: 'Directeur de cabinet' },
  { login: 'chefcab', name: 'Sandrine Kaloi', role: 'cabinet_head', jobTitle: 'Cheffe de cabinet' },
  { login: 'conseiller', name: 'Thomas Lefèvre', role: 'advisor', jobTitle: 'Conseiller technique' },
  { login: 'secretariat', name: 'Mireille Wéma', role: 'secretariat', jobTitle: 'Assistante des élus' },
  { login: 'communication', name: 'Kévin Tuiasi', role: 'communication', jobTitle: 'Chargé de communication' },
  { login: 'adjoint', name: 'Paul Néhoué', role: 'official', jobTitle: 'Premier adjoint' },
  { login: 'dgs', name: 'Christine Rolland', role: 'services', jobTitle: 'Directrice générale des services' },
  { login: 'groupe', name: 'Yannick Dalmas', role: 'group_staff', jobTitle: 'Collaborateur du groupe d’opposition' },
  { login: 'admin', name: 'Laurent Petitjean', role: 'admin', jobTitle: 'Administrateur de Dircab' },
];

export const COMMUNE_PROFILE: DemoProfile = {
  emailDomain: 'mont-dore.example',
  main: {
    slug: 'mont-dore',
    name: 'Ville du Mont-Dore (démonstration)',
    kind: 'commune',
    officialCode: '98817',
    timeZone: 'Pacific/Noumea',
    currency: 'XPF',
    locale: 'fr-NC',
    members: ALL_ROLES_MEMBERS(MONT_DORE_PEOPLE),
  },
  people: MONT_DORE_PEOPLE,
  others: [
    {
      slug: 'ccas-mont-dore',
      name: 'CCAS du Mont-Dore (démonstration)',
      kind: 'ccas',
      officialCode: '98817',
      timeZone: 'Pacific/Noumea',
      currency: 'XPF',
      locale: 'fr-NC',
      // The mayor presides the CCAS board; the director of cabinet follows it.
      members: [
        { login: 'maire', role: 'executive', jobTitle: 'Présidente du conseil d’administration' },
        { login: 'dircab', role: 'chief_of_staff', jobTitle: 'Directeur de cabinet' },
        { login: 'admin', role: 'admin', jobTitle: 'Administrateur de Dircab' },
      ],
    },
  ],
  territories: [
    'Boulari',
    'La Conception',
    'Plum',
    'Robinson',
    'Saint-Michel',
    'Vallon-Dore',
    'Yahoué',
    'Pont-des-Français',
    'Mont-Dore Sud',
    'Saint-Louis',
  ],
};

const MEUSE_PEOPLE: DemoPerson[] = [
  { login: 'president', name: 'Bernard Aubry', role: 'executive', jobTitle: 'Président du conseil départemental' },
  { login: 'dircab', name: 'Claire Vautrin', role: 'chief_of_staff', jobTitle: 'Directrice de cabinet' },
  { login: 'chefcab', name: 'Olivier Mangin', role: 'cabinet_head', jobTitle: 'Chef de cabinet' },
  { login: 'conseiller', name: 'Nadia Ferry', role: 'advisor', jobTitle: 'Chargée de mission' },
  { login: 'secretariat', name: 'Sylvie Thiery', role: 'secretariat', jobTitle: 'Secrétariat des élus' },
  { login: 'communication', name: 'Hugo Collignon', role: 'communication', jobTitle: 'Chargé de communication' },
  { login: 'vp', name: 'Anne Lhuillier', role: 'official', jobTitle: '1re vice-présidente' },
  { login: 'dgs', name: 'Marc Renaudin', role: 'services', jobTitle: 'Directeur général des services' },
  { login: 'groupe', name: 'Léa Humbert', role: 'group_staff', jobTitle: 'Collaboratrice de groupe d’élus' },
  { login: 'admin', name: 'Pascal Gérard', role: 'admin', jobTitle: 'Administrateur de Dircab' },
];

/** A département in metropolitan France: proves time zone and currency are settings. */
export const DEPARTEMENT_PROFILE: DemoProfile = {
  emailDomain: 'meuse.example',
  main: {
    slug: 'meuse',
    name: 'Département de la Meuse (démonstration)',
    kind: 'departement',
    officialCode: '55',
    timeZone: 'Europe/Paris',
    currency: 'EUR',
    locale: 'fr-FR',
    members: ALL_ROLES_MEMBERS(MEUSE_PEOPLE),
  },
  people: MEUSE_PEOPLE,
  others: [],
  territories: ['Bar-le-Duc', 'Verdun', 'Commercy', 'Saint-Mihiel', 'Stenay', 'Ligny-en-Barrois'],
};

export const DEMO_PROFILES = { commune: COMMUNE_PROFILE, departement: DEPARTEMENT_PROFILE } as const;
