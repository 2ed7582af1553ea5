import type { TProblem } from '@dircab/contracts';

export interface FieldError {
  path: string;
  message: string;
  code?: string;
}

const TITLES: Record<number, string> = {
  400: 'Requête invalide',
  401: 'Authentification requise',
  403: 'Accès refusé',
  404: 'Introuvable',
  405: 'Méthode non autorisée',
  409: 'Conflit',
  413: 'Requête trop volumineuse',
  415: 'Type de contenu non pris en charge',
  422: 'Requête impossible à traiter',
  429: 'Trop de requêtes',
  500: 'Erreur interne',
  503: 'Service indisponible',
};

/**
 * An error that becomes an RFC 9457 problem+json answer. Commands throw it; the error handler
 * (error-handler.ts) presents it, and the transaction around the command rolls back.
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly title: string = TITLES[status] ?? 'Erreur',
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }

  toJSON(instance?: string): TProblem {
    return {
      type: `https://dircab.fr/problems/${this.status}`,
      title: this.title,
      status: this.status,
      detail: this.detail,
      ...(instance ? { instance } : {}),
      ...(this.errors?.length ? { errors: this.errors } : {}),
    };
  }
}

export const problems = {
  badRequest: (detail: string, errors?: FieldError[]) => new HttpProblem(400, detail, errors),
  unauthorized: () => new HttpProblem(401, 'Connectez-vous pour accéder à cette ressource.'),
  forbidden: (detail = 'Votre rôle ne permet pas cette action.') => new HttpProblem(403, detail),
  // A record the actor may not see is answered as if it did not exist (ARCHITECTURE rule 2).
  notFound: (detail = 'Cette ressource n’existe pas ou vous n’y avez pas accès.') => new HttpProblem(404, detail),
  conflict: (detail: string, errors?: FieldError[]) => new HttpProblem(409, detail, errors),
};
