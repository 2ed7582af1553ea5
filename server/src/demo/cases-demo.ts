import { ZContactQuery, ZCorrespondenceQuery, ZOfficialQuery } from '@dircab/contracts';
import { closeCase } from '../modules/cases/commands/close-case';
import { createCase } from '../modules/cases/commands/create-case';
import { escalateCase } from '../modules/cases/commands/escalate-case';
import { linkRecord } from '../modules/cases/commands/link-record';
import { findItems } from '../modules/correspondence/queries/find-correspondence';
import { findContacts } from '../modules/directory/queries/find-contacts';
import { findOfficials } from '../modules/directory/queries/find-officials';
import { findServices } from '../modules/directory/queries/find-services';
import { findTerritories } from '../modules/directory/queries/find-territories';
import { createTask } from '../modules/tasks/commands/create-task';
import type { Actor } from '../platform/policy/actor';
import type { DemoContext } from './seed-demo';

// Invented matters (DOMAIN.md): any likeness to a real situation is a coincidence.

const DAY = 86_400_000;

/** A day counted from today, in the organisation's calendar. */
function dayFrom(offset: number, timeZone: string): string {
  const local = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(Date.now() + offset * DAY));
  return local;
}

/**
 * The cases demo for Mont-Dore, through the real commands: a confidential sensitive matter
 * escalated to the mayor (the cabinet head named, the adviser not), an official's intervention
 * with the social landlord, a constituent's request linked to its letter and its writer, a
 * closed project, and tasks (one late, one for the technical services).
 */
export async function seedCasesDemo(demo: DemoContext): Promise<void> {
  const org = demo.profile.main;
  const orgId = demo.orgIds[org.slug];
  const dircab = demo.userIds.dircab;
  if (org.slug !== 'mont-dore' || !orgId || !dircab) return;
  const { tx } = demo;
  const actor: Actor = {
    userId: dircab,
    name: 'Direction de cabinet (démonstration)',
    email: `dircab@${demo.profile.emailDomain}`,
    orgId,
    role: 'chief_of_staff',
    sessionId: 'demo',
    ip: '127.0.0.1',
  };
  const day = (offset: number) => dayFrom(offset, org.timeZone);
  const territories = (await findTerritories(tx, actor, { limit: 200 })).data;
  const territory = (name: string) => territories.find((x) => x.name === name)?.id ?? null;
  const services = (await findServices(tx, actor, { limit: 200 })).data;
  const officials = (await findOfficials(tx, actor, ZOfficialQuery.parse({ limit: 50 }))).data;
  const adjoint = officials.find((o) => o.displayName.includes('Néhoué')) ?? officials[0];

  const sensitive = await createCase(tx, actor, {
    kind: 'sensitive_matter',
    title: 'Litige foncier sur les terrains de la tribu de Saint-Louis',
    summary:
      'Revendication coutumière sur les parcelles prévues pour le futur plateau sportif. Rencontre discrète avec le grand chef avant toute communication.',
    confidentiality: 'confidential',
    members: demo.userIds.chefcab ? [demo.userIds.chefcab] : [],
    territoryId: territory('Saint-Michel'),
    topics: ['Foncier', 'Coutume'],
    riskLevel: 'critical',
    dueDate: day(10),
  });
  await escalateCase(tx, actor, sensitive.id, {
    note: 'Le grand chef demande à rencontrer Madame la Maire avant le conseil de jeudi ; la presse a été approchée.',
  });

  const intervention = await createCase(tx, actor, {
    kind: 'intervention',
    title: 'Relogement de la famille Wahetra après l’incendie',
    summary: 'Famille de cinq personnes hébergée chez des proches depuis l’incendie de son logement.',
    confidentiality: 'restricted',
    ownerId: demo.userIds.conseiller ?? null,
    team: demo.userIds.adjoint ? [demo.userIds.adjoint] : [],
    territoryId: territory('Boulari'),
    topics: ['Logement', 'Action sociale'],
    riskLevel: 'medium',
    intervention: {
      officialId: adjoint?.id ?? null,
      institutionName: 'Société immobilière de Nouvelle-Calédonie (bailleur social)',
      date: day(-12),
      object: 'Appui à la demande de relogement prioritaire auprès du bailleur social.',
      answer: 'Le bailleur propose un F4 à Boulari à partir du mois prochain.',
      outcome: 'favourable',
    },
  });

  const letters = (await findItems(tx, actor, ZCorrespondenceQuery.parse({ limit: 50 }), org.timeZone)).data;
  const petition = letters.find((l) => l.subject.includes('ralentisseur'));
  const request = await createCase(tx, actor, {
    kind: 'constituent_request',
    title: 'Sécurité routière rue des Flamboyants (Saint-Michel)',
    summary: 'Pétition de 87 riverains pour un ralentisseur devant l’arrêt de bus.',
    confidentiality: 'normal',
    ownerId: demo.userIds.conseiller ?? null,
    territoryId: territory('Saint-Michel'),
    topics: ['Voirie', 'Sécurité routière'],
    riskLevel: 'high',
    status: 'in_progress',
    dueDate: day(20),
  });
  if (petition) {
    await linkRecord(tx, actor, request.id, { kind: 'correspondence', recordId: petition.id });
    if (petition.senderContactId) {
      await linkRecord(tx, actor, request.id, { kind: 'contact', recordId: petition.senderContactId });
    }
  }
  await escalateCase(tx, actor, request.id, {
    note: 'Deux accidents sans gravité ce mois-ci ; les riverains demandent une réponse avant la rentrée.',
  });

  const closed = await createCase(tx, actor, {
    kind: 'project',
    title: 'Fête du quartier de La Conception',
    confidentiality: 'normal',
    territoryId: territory('La Conception'),
    topics: ['Vie associative'],
  });
  const contacts = (await findContacts(tx, actor, ZContactQuery.parse({ limit: 50, q: 'Comité des fêtes' }))).data;
  if (contacts[0]) await linkRecord(tx, actor, closed.id, { kind: 'contact', recordId: contacts[0].id });
  await closeCase(tx, actor, closed.id, { outcome: 'Fête tenue, 600 participants.' });

  const technical = services.find((s) => s.name === 'Services techniques');
  await createTask(tx, actor, {
    title: 'Étude de faisabilité d’un ralentisseur rue des Flamboyants',
    description: 'Comptage des véhicules et devis ; réponse attendue pour la réunion des riverains.',
    assigneeServiceId: technical?.id ?? null,
    dueDate: day(-3),
    link: { kind: 'case', id: request.id },
  });
  await createTask(tx, actor, {
    title: 'Préparer la réponse aux riverains',
    assigneeUserId: demo.userIds.conseiller ?? null,
    dueDate: day(5),
    link: { kind: 'case', id: request.id },
  });
  await createTask(tx, actor, {
    title: 'Note à Madame la Maire sur l’historique foncier des parcelles',
    assigneeUserId: demo.userIds.chefcab ?? null,
    dueDate: day(2),
    link: { kind: 'case', id: sensitive.id },
  });
  await createTask(tx, actor, {
    title: 'Confirmer au CCAS la date d’entrée dans le logement',
    assigneeUserId: demo.userIds.conseiller ?? null,
    dueDate: day(-10),
    link: { kind: 'case', id: intervention.id },
  });
}
