import type { TCreateAckTemplate } from '@dircab/contracts';

/**
 * The French acknowledgement every organisation starts with. Its wording carries what CRPA
 * R.112-5 requires: the date the request was received, the service in charge with its postal
 * and electronic address and phone; for a request subject to a decision, the date on which
 * silence makes it accepted or rejected (L.231-1), and for a rejection the appeal routes and
 * the right to ask for the reasons (L.232-4); for an acceptance, the attestation (L.232-3).
 */
export const DEFAULT_ACK_TEMPLATE: Required<TCreateAckTemplate> = {
  name: 'Accusé de réception (modèle par défaut)',
  subject: 'Accusé de réception de votre demande n° {{item.number}}',
  isDefault: true,
  bodyHtml: [
    '<p>Madame, Monsieur,</p>',
    '<p>Votre demande relative à « {{item.subject}} » a été reçue le <strong>{{item.receivedDate}}</strong> et enregistrée sous le numéro <strong>{{item.number}}</strong>, à rappeler dans toute correspondance.</p>',
    '<p>Le service chargé de son traitement est : <strong>{{service.name}}</strong>. {{service.contacts}}</p>',
    '{{#implicitDecision}}<p>Votre demande est susceptible de donner lieu à une décision implicite. En l’absence de réponse de notre part, le silence gardé vaudra <strong>{{implicitDecision.meaning}}</strong> le <strong>{{implicitDecision.date}}</strong> (article L.231-1 du code des relations entre le public et l’administration).</p>{{/implicitDecision}}',
    '{{#implicitAcceptance}}<p>Vous pourrez alors obtenir, sur simple demande, une attestation de cette décision implicite d’acceptation (article L.232-3 du même code).</p>{{/implicitAcceptance}}',
    '{{#implicitRejection}}<p>{{appeal.routes}}</p>{{/implicitRejection}}',
    '<p>Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.</p>',
  ].join(''),
};
