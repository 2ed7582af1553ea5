// Words of a New Caledonian town hall's mail: what people write about, by topic (the topics
// of the demo's services, so the routing suggestion finds a service), and the neighbourhoods
// of Le Mont-Dore and Nouméa they write from.

/** Subjects by topic; `{q}` is a neighbourhood, `{n}` a street number. */
export const SUBJECTS: Record<string, readonly string[]> = {
  voirie: [
    'Nid-de-poule rue des Flamboyants à {q}',
    'Réfection de la chaussée à {q}',
    'Ralentisseur demandé devant l’école de {q}',
  ],
  'éclairage public': ['Lampadaire en panne au {n} route de {q}', 'Éclairage public éteint à {q} depuis une semaine'],
  'eau et assainissement': [
    'Fuite d’eau sur le réseau à {q}',
    'Raccordement au tout-à-l’égout, {n} allée des Cocotiers',
  ],
  'espaces verts': ['Élagage des arbres du parc de {q}', 'Tonte du terrain communal de {q}'],
  déchets: [
    'Dépôt sauvage de déchets à {q}',
    'Bac de collecte non ramassé à {q}',
    'Encombrants à enlever, {n} chemin de la Baie',
  ],
  logement: [
    'Demande de logement social (famille de cinq personnes)',
    'Logement insalubre à {q}',
    'Demande d’appui pour un dossier de logement',
  ],
  'aides sociales': ['Demande d’aide exceptionnelle', 'Secours d’urgence après un incendie à {q}'],
  'personnes âgées': [
    'Portage de repas pour une personne âgée de {q}',
    'Demande de place en résidence pour personnes âgées',
  ],
  écoles: ['Inscription scolaire à l’école de {q}', 'Sécurité aux abords de l’école de {q}'],
  'cantine scolaire': ['Tarifs de la cantine scolaire', 'Menus de la cantine scolaire de {q}'],
  'transport scolaire': ['Arrêt du bus scolaire à {q}', 'Horaires du transport scolaire de {q}'],
  associations: ['Demande de salle pour l’association de {q}', 'Invitation à l’assemblée générale du comité de {q}'],
  'subventions associatives': [
    'Demande de subvention du club de va’a de {q}',
    'Subvention de fonctionnement pour l’association de {q}',
  ],
  'fêtes et cérémonies': ['Invitation à la fête de quartier de {q}', 'Cérémonie du 24 septembre : programme'],
  'équipements sportifs': ['Réfection du plateau sportif de {q}', 'Créneaux du gymnase de {q}'],
  urbanisme: ['Permis de construire au {n} rue Jules Ferry', 'Recours contre un permis de construire à {q}'],
  budget: ['Question sur le budget primitif', 'Observations sur le compte administratif'],
  'ressources humaines': ['Candidature spontanée au service technique', 'Demande de stage à la mairie'],
};

/** Topics that no service handles: the item stays with the cabinet. */
export const CABINET_SUBJECTS = [
  'Demande de rendez-vous avec Madame le Maire',
  'Invitation à l’inauguration du marché de {q}',
  'Félicitations pour la cérémonie du 14 juillet',
  'Courrier du haut-commissariat de la République',
  'Question écrite d’un conseiller municipal',
  'Réclamation sur le bruit la nuit à {q}',
];

export const NEIGHBOURHOODS = [
  'Boulari',
  'Plum',
  'La Coulée',
  'Mont-Dore Sud',
  'Saint-Michel',
  'Yahoué',
  'Robinson',
  'Vallon-Dore',
  'La Conception',
  'Saint-Louis',
  'Pont-des-Français',
  'Magenta',
  'Rivière-Salée',
  'Vallée-du-Tir',
  'Ducos',
];

export const BODY_SENTENCES = [
  'Madame le Maire, je me permets de vous écrire au sujet d’une situation qui dure depuis plusieurs mois.',
  'Les riverains ont déjà signalé le problème à plusieurs reprises sans réponse.',
  'Je vous remercie par avance de l’attention que vous porterez à ma demande.',
  'Vous trouverez ci-joint les pièces justificatives demandées par vos services.',
  'Nous sollicitons un rendez-vous afin de vous présenter notre projet.',
  'Les enfants du quartier empruntent cette route chaque matin pour aller à l’école.',
  'Je reste à votre disposition pour tout renseignement complémentaire.',
  'Veuillez agréer, Madame le Maire, l’expression de ma haute considération.',
];

export const EVENT_TITLES = [
  'Réunion de quartier à {q}',
  'Inauguration du plateau sportif de {q}',
  'Conseil municipal',
  'Commission des finances',
  'Rendez-vous avec l’association de {q}',
  'Visite de chantier à {q}',
  'Cérémonie au monument aux morts',
  'Permanence des élus à {q}',
  'Entretien avec le haut-commissaire',
  'Fête de la mairie annexe de {q}',
];

export const CASE_TITLES = [
  'Relogement d’une famille de {q}',
  'Aménagement de la route de {q}',
  'Conflit de voisinage à {q}',
  'Projet de maison de quartier à {q}',
  'Intervention auprès de la province Sud pour {q}',
  'Sécurisation des abords de l’école de {q}',
];

export const NOTE_TITLES = [
  'Note au Maire : point sur le dossier de {q}',
  'Éléments de langage : réunion publique de {q}',
  'Fiche de synthèse : budget des travaux de {q}',
  'Discours pour l’inauguration à {q}',
];

export const OPENINGS = [
  'Madame le Maire,',
  'Madame la Maire, Mesdames et Messieurs les élus,',
  'Bonjour Madame le Maire,',
  'Madame, Monsieur,',
  'À l’attention du cabinet du Maire,',
];
export const CLOSINGS = [
  'Veuillez agréer, Madame le Maire, l’expression de ma haute considération.',
  'Dans l’attente de votre réponse, je vous prie de croire à mes salutations respectueuses.',
  'Merci d’avance, cordialement.',
  'Je vous remercie de votre attention et reste joignable au numéro indiqué.',
];
const STREETS = [
  'rue des Flamboyants',
  'route de la Baie',
  'allée des Cocotiers',
  'chemin du Vallon',
  'rue Jules Ferry',
];
const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/**
 * A letter's text: an opening, two to four sentences, what only this writer would write (where
 * they live, since when, their file's reference) and a closing. Each letter is its own text, as
 * in a real register: unrelated letters must not look like a campaign (campaign grouping
 * compares the texts).
 */
export function letterBody(
  pick: <T>(list: readonly T[]) => T,
  int: (n: number) => number,
  writer: string,
  q: string,
): string {
  const sentences = Array.from({ length: 2 + int(3) }, () => pick(BODY_SENTENCES));
  const own = `Je suis ${writer}, j’habite au ${1 + int(300)} ${pick(STREETS)} à ${q} depuis ${1 + int(40)} ans ; j’ai déjà écrit le ${1 + int(28)} ${pick(MONTHS)} ${2015 + int(11)} (dossier n° ${100_000 + int(900_000)}).`;
  return [pick(OPENINGS), ...sentences.slice(0, 1), own, ...sentences.slice(1), pick(CLOSINGS)].join(' ');
}

export const fill = (template: string, q: string, n: number) =>
  template.replaceAll('{q}', q).replaceAll('{n}', String(n));
