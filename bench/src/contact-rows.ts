// A seeded generator of realistic French and New Caledonian address-book rows, for the
// import benchmark: the same seed gives the same file, so two runs compare.

/** mulberry32: small, fast, good enough for test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LAST = [
  'Martin',
  'Bernard',
  'Dupont',
  'Dupond',
  'Lefèvre',
  'Durand',
  'Moreau',
  'Laurent',
  'Girard',
  'Faure',
  'Wamytan',
  'Gorodey',
  'Tjibaou',
  'Néaoutyine',
  'Wahetra',
  'Kaloï',
  'Ukeiwé',
  'Pidjot',
  'Naisseline',
  'Wéa',
  'Nguyen',
  'Tran',
  'Le Goff',
  'Frogier',
  'Lafleur',
  'Gomès',
  'Michel',
  'Brial',
  'Tuilagi',
  'Vakié',
  'Julié',
  'Mapou',
  'Tein',
  'Goa',
  'Poadja',
  'Backès',
  'Santa',
  'Yanno',
  'Ponga',
  'Ohlen',
];
const FIRST = [
  'Julie',
  'Jean',
  'Marie',
  'Pierre',
  'Sylvie',
  'Éric',
  'Hélène',
  'Louis',
  'Nina',
  'Paul',
  'Sonia',
  'Philippe',
  'Thierry',
  'Cynthia',
  'Gaël',
  'Joël',
  'Léa',
  'Théo',
  'Manon',
  'Kévin',
  'Wassissi',
  'Yolande',
  'Roch',
  'Déwé',
  'Emmanuel',
  'Nicole',
  'Christiane',
  'Aloisio',
  'Mickaël',
  'Sarah',
];
const ORGS = [
  'Association des parents d’élèves',
  'Comité des fêtes',
  'Club de football',
  'Société de pêche',
  'Entreprise de transport',
  'Coopérative agricole',
  'Radio locale',
  'Tribu de Saint-Louis',
  'Centre culturel',
];
const FUNCTIONS = [
  'Président',
  'Trésorière',
  'Directeur',
  'Secrétaire',
  'Chef de service',
  'Gérant',
  'Enseignante',
  '',
];
const STREETS = ['rue', 'avenue', 'route', 'allée', 'chemin', 'boulevard'];
const STREET_NAMES = [
  'des Flamboyants',
  'de la Baie',
  'Jules Ferry',
  'du Général de Gaulle',
  'des Cocotiers',
  'du Port',
  'Victor Hugo',
];
const TOWNS: [string, string, boolean][] = [
  ['98809', 'Mont-Dore', true],
  ['98800', 'Nouméa', true],
  ['98835', 'Dumbéa', true],
  ['98890', 'Païta', true],
  ['75011', 'Paris', false],
  ['69003', 'Lyon', false],
  ['55000', 'Bar-le-Duc', false],
  ['55100', 'Verdun', false],
];
/** Mont-Dore's neighbourhoods, the territories the benchmark creates. */
export const TERRITORIES = [
  'Boulari',
  'Plum',
  'La Coulée',
  'Mont-Dore Sud',
  'Saint-Michel',
  'Yahoué',
  'Robinson',
  'Vallon-Dore',
];
const TAGS = ['associatif', 'presse', 'jeunesse', 'sport', 'culture', 'quartier', 'commerce'];

export const HEADER = [
  'Type',
  'Civilité',
  'Prénom',
  'Nom',
  'Organisme',
  'Fonction',
  'Courriel',
  'Téléphone',
  'Portable',
  'Adresse',
  'Code postal',
  'Ville',
  'Quartier',
  'Étiquettes',
  'Consentement',
];

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

/** Row `i` of the file (each row distinct: the e-mail carries the row number). */
export function contactRow(random: () => number, i: number): string[] {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const [postcode, city, caledonian] = pick(TOWNS);
  const isOrg = random() < 0.03;
  const first = pick(FIRST);
  const last = pick(LAST);
  const upperLast = random() < 0.5 ? last.toUpperCase() : last;
  const phone = caledonian
    ? `2${pick(['4', '5', '6', '7', '8'])}${pad(Math.floor(random() * 10_000), 4)}`.replace(
        /(\d\d)(\d\d)(\d\d)/,
        '$1.$2.$3',
      )
    : `01 ${pad(Math.floor(random() * 100), 2)} ${pad(Math.floor(random() * 100), 2)} ${pad(Math.floor(random() * 100), 2)} ${pad(Math.floor(random() * 100), 2)}`;
  const mobile = caledonian
    ? `${pick(['7', '8', '9'])}${pad(Math.floor(random() * 100_000), 5)}`
    : `06 ${pick(['12', '23', '45', '58', '71', '88'])} ${pad(Math.floor(random() * 1_000_000), 6).replace(/(\d\d)(?=\d)/g, '$1 ')}`;
  const org = isOrg ? `${pick(ORGS)} ${city}` : random() < 0.3 ? pick(ORGS) : '';
  return [
    isOrg ? 'Organisme' : 'Personne',
    isOrg ? '' : random() < 0.5 ? 'Mme' : 'M.',
    isOrg ? '' : first,
    isOrg ? '' : upperLast,
    org,
    isOrg ? '' : pick(FUNCTIONS),
    isOrg ? `contact${i}@${slug(org).slice(0, 20)}.nc` : `${slug(first)}.${slug(last)}.${i}@exemple.nc`,
    random() < 0.6 ? phone : '',
    random() < 0.7 ? mobile : '',
    `${1 + Math.floor(random() * 200)} ${pick(STREETS)} ${pick(STREET_NAMES)}`,
    postcode,
    city,
    city === 'Mont-Dore' ? pick(TERRITORIES) : '',
    random() < 0.4 ? `${pick(TAGS)}, ${pick(TAGS)}` : '',
    random() < 0.5 ? 'oui' : 'non',
  ];
}

/** A whole CSV file (`;`, as a French spreadsheet writes it). */
export function contactsCsv(rows: number, seed = 42): string {
  const random = seededRandom(seed);
  const quote = (s: string) => (/[;"\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const lines = [HEADER.join(';')];
  for (let i = 0; i < rows; i++) lines.push(contactRow(random, i).map(quote).join(';'));
  return `${lines.join('\r\n')}\r\n`;
}
