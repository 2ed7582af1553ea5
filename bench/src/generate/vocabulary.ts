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

export const fill = (template: string, q: string, n: number) =>
  template.replaceAll('{q}', q).replaceAll('{n}', String(n));
