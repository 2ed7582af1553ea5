import type { TPostalAddress } from '@dircab/contracts';
import { indexContact } from '../modules/directory/commands/index-contact';
import { indexService } from '../modules/directory/commands/manage-services';
import { contactNames } from '../modules/directory/contact-names';
import { contacts, services, territories } from '../modules/directory/directory.schema';
import { defaultRegionFor, normalisePhone } from '../modules/directory/phone';
import type { DemoContext } from './seed-demo';

// Invented people and bodies (DOMAIN.md): any likeness to a real person is a coincidence.

const SERVICES: { name: string; headName: string; topics: string[] }[] = [
  {
    name: 'Direction générale des services',
    headName: 'Christine Rolland',
    topics: ['coordination des services', 'ressources humaines', 'affaires juridiques', 'marchés publics'],
  },
  {
    name: 'Services techniques',
    headName: 'Gilles Ouvrard',
    topics: ['voirie', 'éclairage public', 'eau et assainissement', 'bâtiments communaux', 'espaces verts', 'déchets'],
  },
  {
    name: 'Action sociale',
    headName: 'Marie-Josée Wahnyamalla',
    topics: ['aides sociales', 'logement', 'personnes âgées', 'handicap', 'insertion'],
  },
  {
    name: 'Éducation',
    headName: 'Frédéric Bouvier',
    topics: ['écoles', 'cantine scolaire', 'périscolaire', 'transport scolaire'],
  },
  {
    name: 'Culture et sports',
    headName: 'Rose Tein',
    topics: ['équipements sportifs', 'associations', 'fêtes et cérémonies', 'médiathèque', 'subventions associatives'],
  },
  {
    name: 'Finances',
    headName: 'Alain Dumas',
    topics: ['budget', 'taxes et redevances', 'subventions', 'paiements fournisseurs'],
  },
];

const FIRST_NAMES = [
  ['Mme', 'Julie'],
  ['M.', 'Jean-Marc'],
  ['Mme', 'Léa'],
  ['M.', 'Éric'],
  ['Mme', 'Sophie'],
  ['M.', 'Kévin'],
  ['Mme', 'Noëlla'],
  ['M.', 'Patrice'],
  ['Mme', 'Hélène'],
  ['M.', 'Wilfried'],
  ['Mme', 'Anaïs'],
  ['M.', 'Théo'],
] as const;
const LAST_NAMES = [
  'Dupont',
  'JULIÉ',
  'Nékiriaï',
  'Martin',
  'Wamytan',
  'Lefebvre',
  'Taputu',
  'Moreau',
  'Gomès',
  'Poédi',
  'Bernard',
  'Tjibaou-Kasarhérou',
  'Nguyen',
  'Lagarde',
];
const TAGS = ['administré', 'commerçant', 'association', 'presse', 'institution', 'riverain', 'bénévole', 'jeunesse'];
const ORGANISATIONS: { name: string; orgType: 'association' | 'company' | 'institution' | 'media' | 'other' }[] = [
  { name: 'Association des parents d’élèves de Boulari', orgType: 'association' },
  { name: 'Club de va’a de Plum', orgType: 'association' },
  { name: 'Comité des fêtes de La Conception', orgType: 'association' },
  { name: 'Boulangerie du Vallon', orgType: 'company' },
  { name: 'Transports du Sud', orgType: 'company' },
  { name: 'Les Nouvelles du Sud', orgType: 'media' },
  { name: 'Radio Lagon', orgType: 'media' },
  { name: 'Chambre de commerce et d’industrie', orgType: 'institution' },
];

/** A phone in the organisation's region, made from seeded digits and checked by the normaliser. */
function demoPhone(demo: DemoContext, nc: boolean): string {
  for (;;) {
    const digits = nc
      ? `${demo.random.pick(['7', '8', '9'])}${String(demo.random.int(0, 99_999)).padStart(5, '0')}`
      : `06${String(demo.random.int(0, 99_999_999)).padStart(8, '0')}`;
    const phone = normalisePhone(digits, nc ? 'NC' : 'FR');
    if (phone) return phone;
  }
}

/** Territories, services and a few dozen contacts of the demo's main organisation. */
export async function seedDirectoryDemo(demo: DemoContext): Promise<void> {
  const { tx, profile, random } = demo;
  const orgId = demo.orgIds[profile.main.slug];
  if (!orgId) throw new Error('demo organisation missing');
  const nc = defaultRegionFor(profile.main.timeZone) === 'NC';

  const territoryRows = await tx
    .insert(territories)
    .values(profile.territories.map((name, i) => ({ orgId, name, code: `Q${String(i + 1).padStart(2, '0')}` })))
    .returning();

  const serviceRows = await tx
    .insert(services)
    .values(
      SERVICES.map((s) => ({
        orgId,
        name: s.name,
        headName: s.headName,
        email: `${contactEmailLocal(s.name)}@${profile.emailDomain}`,
        phone: demoPhone(demo, nc),
        topics: s.topics,
      })),
    )
    .returning();
  for (const row of serviceRows) await indexService(tx, row);

  const city = nc ? { postcode: '98809', city: 'Mont-Dore' } : { postcode: '55000', city: 'Bar-le-Duc' };
  const address = (street: string): TPostalAddress => ({
    label: 'Domicile',
    line1: `${random.int(1, 120)} ${street}`,
    line2: null,
    postcode: city.postcode,
    city: city.city,
    country: nc ? 'Nouvelle-Calédonie' : 'France',
  });
  const values: (typeof contacts.$inferInsert)[] = [];
  for (let i = 0; i < 36; i++) {
    const [civility, firstName] = random.pick(FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    const territory = random.pick(territoryRows);
    const consent = random.next() < 0.6;
    values.push({
      orgId,
      kind: 'person',
      civility,
      firstName,
      lastName,
      formOfAddress: civility === 'Mme' ? 'Madame' : 'Monsieur',
      addresses: [
        address(random.pick(['rue des Flamboyants', 'route du Sud', 'allée des Niaoulis', 'rue Jules Ferry'])),
      ],
      emails: [{ label: 'Personnel', email: `${contactEmailLocal(`${firstName}.${lastName}`)}.${i}@exemple.nc` }],
      phones: [{ label: 'Mobile', number: demoPhone(demo, nc) }],
      territoryId: territory.id,
      tags: [random.pick(TAGS), ...(random.next() < 0.3 ? [random.pick(TAGS)] : [])].filter(
        (t, k, all) => all.indexOf(t) === k,
      ),
      source: random.pick(['courrier', 'permanence', 'téléphone', 'réunion de quartier']),
      consent,
      consentDate: consent ? `2025-${String(random.int(1, 12)).padStart(2, '0')}-15` : null,
      ...contactNames({ kind: 'person', firstName, lastName }),
    });
  }
  for (const o of ORGANISATIONS) {
    values.push({
      orgId,
      kind: 'organisation',
      name: o.name,
      orgType: o.orgType,
      emails: [{ label: 'Contact', email: `contact@${contactEmailLocal(o.name).slice(0, 30)}.example` }],
      phones: [{ label: 'Standard', number: demoPhone(demo, nc) }],
      territoryId: random.pick(territoryRows).id,
      tags: [o.orgType === 'media' ? 'presse' : o.orgType === 'association' ? 'association' : 'institution'],
      ...contactNames({ kind: 'organisation', name: o.name }),
    });
  }
  // The State's representative: the form of address letters use.
  values.push({
    orgId,
    kind: 'person',
    civility: 'M.',
    firstName: 'Laurent',
    lastName: 'Prévost',
    formOfAddress: nc ? 'Monsieur le Haut-commissaire' : 'Monsieur le Préfet',
    jobTitle: nc ? 'Haut-commissaire de la République en Nouvelle-Calédonie' : 'Préfet de la Meuse',
    employer: 'État',
    tags: ['institution', 'protocole'],
    ...contactNames({ kind: 'person', firstName: 'Laurent', lastName: 'Prévost' }),
  });
  // A confidential contact: only the executive, the chief of staff and the people named see it.
  const dircab = demo.userIds.dircab;
  values.push({
    orgId,
    kind: 'person',
    civility: 'Mme',
    firstName: 'Odile',
    lastName: 'Sarramea',
    notes: 'Médiation en cours avec le cabinet : ne pas diffuser.',
    tags: ['médiation'],
    confidentiality: 'confidential',
    members: dircab ? [dircab] : [],
    ...contactNames({ kind: 'person', firstName: 'Odile', lastName: 'Sarramea' }),
  });
  // The same constituent typed twice, once without accents and with the same mobile: the
  // duplicates page has a real pair to show (the rebuild job finds it after the seed).
  const twicePhone = demoPhone(demo, nc);
  for (const [firstName, lastName, email] of [
    ['Hélène', 'Wéa', 'helene.wea@example.nc'],
    ['HELENE', 'WEA', null],
  ] as const) {
    values.push({
      orgId,
      kind: 'person',
      civility: 'Mme',
      firstName,
      lastName,
      emails: email ? [{ label: 'Personnel', email }] : [],
      phones: [{ label: 'Mobile', number: twicePhone }],
      source: email ? 'permanence' : 'courrier',
      ...contactNames({ kind: 'person', firstName, lastName }),
    });
  }
  const rows = await tx.insert(contacts).values(values).returning();
  for (const row of rows) await indexContact(tx, row);
}

function contactEmailLocal(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
