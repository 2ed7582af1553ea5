import type { TRole } from '@dircab/contracts';
import { findServices } from '../modules/directory/queries/find-services';
import { answerNote } from '../modules/notes/commands/answer-note';
import { createNote } from '../modules/notes/commands/create-note';
import { createNoteTemplate } from '../modules/notes/commands/manage-templates';
import { requestContribution } from '../modules/notes/commands/request-contribution';
import { transitionNote } from '../modules/notes/commands/transition-note';
import type { Actor } from '../platform/policy/actor';
import type { DemoContext } from './seed-demo';

// Invented matters (DOMAIN.md): any likeness to a real situation is a coincidence.

const DAY = 86_400_000;
const dayFrom = (offset: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(Date.now() + offset * DAY));

/**
 * The notes demo for Mont-Dore, through the real commands: a template, a draft waiting for two
 * services' contributions (their tasks), a note in the mayor's reading folder, and a note the
 * mayor answered with a decision whose actions are two services' tasks (one late).
 */
export async function seedNotesDemo(demo: DemoContext): Promise<void> {
  const org = demo.profile.main;
  const orgId = demo.orgIds[org.slug];
  const { conseiller, dircab, maire } = demo.userIds;
  if (org.slug !== 'mont-dore' || !orgId || !conseiller || !dircab || !maire) return;
  const { tx } = demo;
  const as = (userId: string, role: TRole, name: string): Actor => ({
    userId,
    name,
    email: `demo@${demo.profile.emailDomain}`,
    orgId,
    role,
    sessionId: 'demo',
    ip: '127.0.0.1',
  });
  const adviser = as(conseiller, 'advisor', 'Conseiller (démonstration)');
  const chief = as(dircab, 'chief_of_staff', 'Direction de cabinet (démonstration)');
  const mayor = as(maire, 'executive', 'Maire (démonstration)');
  const day = (offset: number) => dayFrom(offset, org.timeZone);
  const services = (await findServices(tx, chief, { limit: 200 })).data;
  const technical = services.find((s) => s.name === 'Services techniques');
  const education = services.find((s) => s.name === 'Éducation');
  const sports = services.find((s) => s.name === 'Culture et sports');

  await createNoteTemplate(tx, chief, {
    name: 'Note au maire',
    kind: 'note_to_executive',
    bodyHtml:
      '<h2>Objet</h2><p></p><h2>Contexte</h2><p></p><h2>Propositions</h2><p></p><h2>Décision attendue</h2><p></p>',
  });

  const draft = await createNote(tx, adviser, {
    kind: 'note_to_executive',
    title: 'Rentrée scolaire : travaux de la cantine de l’école de Boulari',
    addresseeId: maire,
    bodyHtml: '<h2>Contexte</h2><p>Les travaux de la cantine ne seront pas achevés pour la rentrée de février.</p>',
    confidentiality: 'normal',
  });
  for (const service of [technical, education]) {
    if (!service) continue;
    await requestContribution(tx, adviser, draft.id, {
      serviceId: service.id,
      question: 'Où en êtes-vous et quelle solution proposez-vous pour la rentrée ?',
      dueDate: day(5),
    });
  }

  const toRead = await createNote(tx, adviser, {
    kind: 'briefing',
    title: 'Visite du haut-commissaire à Plum : éléments de contexte',
    addresseeId: maire,
    bodyHtml:
      '<h2>Enjeux</h2><p>Le haut-commissaire souhaite voir la digue de Plum et rencontrer les riverains.</p><ul><li>Érosion du littoral</li><li>Financement de la digue</li></ul>',
    confidentiality: 'restricted',
  });
  for (const [actor, action] of [
    [adviser, 'submit'],
    [chief, 'validate'],
    [chief, 'transmit'],
  ] as const) {
    await transitionNote(tx, actor, toRead.id, { action });
  }

  const answered = await createNote(tx, adviser, {
    kind: 'note_to_executive',
    title: 'Wharf de Vallon-Dore : réfection avant la saison',
    addresseeId: maire,
    bodyHtml: '<p>Le platelage du wharf est dégradé ; deux options : réfection partielle ou fermeture temporaire.</p>',
    confidentiality: 'normal',
  });
  for (const [actor, action] of [
    [adviser, 'submit'],
    [chief, 'validate'],
    [chief, 'transmit'],
  ] as const) {
    await transitionNote(tx, actor, answered.id, { action });
  }
  await answerNote(tx, mayor, answered.id, {
    decision: 'Réfection partielle avant la saison ; fermeture de la partie la plus abîmée en attendant.',
    actions: [
      ...(technical
        ? [{ title: 'Fermer et baliser la partie abîmée du wharf', assigneeServiceId: technical.id, dueDate: day(-2) }]
        : []),
      ...(sports
        ? [{ title: 'Prévenir le club nautique et les pêcheurs', assigneeServiceId: sports.id, dueDate: day(7) }]
        : []),
    ],
  });
}
