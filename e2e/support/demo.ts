import type { TRole } from '@dircab/contracts';

export const DEMO_PASSWORD = 'e2e-demo-password-2026';
export const DOMAIN = 'mont-dore.example';

export interface DemoAccount {
  login: string;
  name: string;
  role: TRole;
  /** French title shown on the home page (web/src/i18n/fr.json `roles`). */
  title: string;
}

// The demo seed's people (server/src/demo/profiles.ts), one per role.
export const ACCOUNTS: DemoAccount[] = [
  { login: 'maire', name: 'Hélène Boyer', role: 'executive', title: 'Maire / Président(e)' },
  { login: 'dircab', name: 'Julien Marchal', role: 'chief_of_staff', title: 'Directeur(trice) de cabinet' },
  { login: 'chefcab', name: 'Sandrine Kaloi', role: 'cabinet_head', title: 'Chef(fe) de cabinet' },
  { login: 'conseiller', name: 'Thomas Lefèvre', role: 'advisor', title: 'Conseiller(ère)' },
  { login: 'secretariat', name: 'Mireille Wéma', role: 'secretariat', title: 'Secrétariat des élus' },
  { login: 'communication', name: 'Kévin Tuiasi', role: 'communication', title: 'Chargé(e) de communication' },
  { login: 'adjoint', name: 'Paul Néhoué', role: 'official', title: 'Élu(e)' },
  { login: 'dgs', name: 'Christine Rolland', role: 'services', title: 'Services' },
  { login: 'groupe', name: 'Yannick Dalmas', role: 'group_staff', title: 'Collaborateur(trice) de groupe' },
  { login: 'admin', name: 'Laurent Petitjean', role: 'admin', title: 'Administrateur(trice)' },
];

export const emailOf = (login: string) => `${login}@${DOMAIN}`;

export function account(login: string): DemoAccount {
  const found = ACCOUNTS.find((a) => a.login === login);
  if (!found) throw new Error(`No demo account ${login}`);
  return found;
}

/** French navigation labels of the module keys (web/src/i18n/fr.json `modules`). */
export const MODULE_LABELS: Record<string, string> = {
  home: 'Accueil',
  correspondence: 'Courrier',
  directory: 'Annuaire',
  agenda: 'Agenda',
  cases: 'Dossiers',
  notes: 'Notes',
  tasks: 'Tâches',
  search: 'Recherche',
  audit: 'Journal d’audit',
  admin: 'Administration',
};
