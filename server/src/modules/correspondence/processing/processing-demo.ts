import { and, eq } from 'drizzle-orm';
import type { DemoContext } from '../../../demo/seed-demo';
import type { Actor } from '../../../platform/policy/actor';
import { findServices } from '../../directory/queries/find-services';
import { memberships } from '../../org/org.schema';
import type { OrganisationSetting } from '../commands/register-correspondence';
import { acceptCorrespondence } from './commands/accept-correspondence';
import { createReplyTemplate } from './commands/create-reply-template';
import { reviewReply } from './commands/review-reply';
import { routeCorrespondence } from './commands/route-correspondence';
import { saveReply } from './commands/save-reply';
import { submitReview } from './commands/submit-review';

const TEMPLATES = [
  {
    name: 'Prise en compte de la demande',
    subject: 'Votre courrier {{item.registrationNumber}}',
    bodyHtml:
      '<p>Madame, Monsieur,</p><p>J’ai bien reçu votre courrier du {{item.receivedDate}} relatif à : {{item.subject}}.</p><p>Je l’ai transmis aux services compétents, qui reviendront vers vous dans les meilleurs délais.</p><p>Je vous prie d’agréer, Madame, Monsieur, l’expression de mes salutations distinguées.</p>',
  },
  {
    name: 'Réponse favorable',
    subject: 'Suite donnée à votre demande',
    bodyHtml:
      '<p>Madame, Monsieur,</p><p>Par courrier du {{item.receivedDate}}, vous avez sollicité la commune au sujet de : {{item.subject}}.</p><p>J’ai le plaisir de vous informer qu’une suite favorable est donnée à votre demande.</p><p>Je vous prie d’agréer, Madame, Monsieur, l’expression de mes salutations distinguées.</p>',
  },
];

/**
 * The circuit in the demo: the DGS works in the "Direction générale des services"; a few
 * items are routed (to the service their topic names), one reply waits for the director of
 * cabinet's visa, one waits in the mayor's signature book; the rest stay to be routed.
 */
export async function seedProcessingDemo(
  demo: DemoContext,
  secretariat: Actor,
  items: Map<string, string>,
  org: OrganisationSetting & { name: string },
): Promise<void> {
  const { tx } = demo;
  const orgId = secretariat.orgId;
  const dgsId = demo.userIds.dgs;
  const dircabId = demo.userIds.dircab;
  if (!dgsId || !dircabId) return;
  const services = (await findServices(tx, secretariat, { limit: 200 })).data;
  const service = (name: string) => services.find((s) => s.name === name)?.id;
  const dgsService = service('Direction générale des services');
  if (!dgsService) return;
  await tx
    .update(memberships)
    .set({ serviceId: dgsService })
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, dgsId)));
  for (const t of TEMPLATES) await createReplyTemplate(tx, secretariat, t);

  const as = (userId: string, role: Actor['role'], name: string): Actor => ({
    ...secretariat,
    userId,
    role,
    name,
    email: `${name}@${demo.profile.emailDomain}`,
  });
  const dgs = as(dgsId, 'services', 'dgs');
  const dircab = as(dircabId, 'chief_of_staff', 'dircab');
  const id = (subject: string) => {
    const found = items.get(subject);
    if (!found) throw new Error(`demo item "${subject}" missing`);
    return found;
  };
  const route = (subject: string, lead: string | undefined, info: (string | undefined)[] = []) =>
    routeCorrespondence(
      tx,
      secretariat,
      id(subject),
      {
        assignments: [
          { serviceId: lead, mode: 'action' as const },
          ...info.filter(Boolean).map((s) => ({ serviceId: s, mode: 'information' as const })),
        ],
      },
      org,
    );

  await route('Nids-de-poule route de Plum après les fortes pluies', service('Services techniques'));
  await route('Éclairage public en panne au Pont-des-Français', service('Services techniques'));
  await route('Demande de logement d’urgence après un incendie', service('Action sociale'));

  // In review: the DGS drafted the answer to the prefecture's campaign, the director of cabinet visas it.
  const cyclone = 'Information du haut-commissariat sur la campagne de prévention cyclonique';
  await route(cyclone, dgsService, [service('Services techniques')]);
  await acceptCorrespondence(tx, dgs, id(cyclone));
  await saveReply(
    tx,
    dgs,
    id(cyclone),
    {
      bodyHtml:
        '<p>Monsieur le Haut-Commissaire,</p><p>Les consignes de la saison cyclonique seront relayées sur le site de la commune, dans les écoles et par les comités de quartier dès la semaine prochaine.</p><p>Je vous prie d’agréer l’expression de ma haute considération.</p>',
    },
    org,
  );
  await submitReview(tx, dgs, id(cyclone), { reviewerIds: [dircabId], order: 'sequential' });

  // To sign: thanks for the neighbourhood party, reviewed, in the mayor's signature book.
  const thanks = 'Remerciements pour l’organisation de la fête de quartier';
  await route(thanks, dgsService);
  await acceptCorrespondence(tx, dgs, id(thanks));
  await saveReply(
    tx,
    dgs,
    id(thanks),
    {
      templateId: undefined,
      bodyHtml:
        '<p>Madame,</p><p>Merci pour votre message : les agents y ont été très sensibles.</p><p>Bien cordialement.</p>',
    },
    org,
  );
  await submitReview(tx, dgs, id(thanks), { reviewerIds: [dircabId], order: 'sequential' });
  await reviewReply(tx, dircab, id(thanks), { decision: 'approve' });
}
