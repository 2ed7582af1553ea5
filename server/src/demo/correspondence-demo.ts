import type { TCreateCorrespondence } from '@dircab/contracts';
import { createItemTypes } from '../modules/correspondence/commands/create-item-types';
import { registerCorrespondence } from '../modules/correspondence/commands/register-correspondence';
import { seedProcessingDemo } from '../modules/correspondence/processing/processing-demo';
import { defaultRegionFor } from '../modules/directory/phone';
import { findTerritories } from '../modules/directory/queries/find-territories';
import type { Actor } from '../platform/policy/actor';
import type { DemoContext } from './seed-demo';

// Invented writers and matters (DOMAIN.md): any likeness to a real person is a coincidence.
// Topics are the directory's own words (services' topics, officials' portfolios), so that the
// routing suggestion and the officials' view find them.

interface DemoItem {
  daysAgo: number;
  type: string;
  territory?: string;
  item: Omit<TCreateCorrespondence, 'direction' | 'typeId' | 'territoryId' | 'receivedAt'>;
}

const MONT_DORE_ITEMS: DemoItem[] = [
  {
    daysAgo: 1,
    type: 'demande',
    territory: 'Boulari',
    item: {
      channel: 'email',
      subject: 'Demande d’autorisation d’occupation du domaine public pour une roulotte',
      body: 'Madame la Maire, je souhaite installer une roulotte de restauration le samedi matin près du marché de Boulari. Pouvez-vous m’indiquer la marche à suivre ?',
      sender: { name: 'Mme Océane WAHETRA', email: 'oceane.wahetra@example.nc', phone: '77 12 34 56' },
      topic: 'domaine public',
    },
  },
  {
    daysAgo: 2,
    type: 'reclamation',
    territory: 'Plum',
    item: {
      channel: 'phone',
      subject: 'Nids-de-poule route de Plum après les fortes pluies',
      body: 'Appel de M. Tein : plusieurs nids-de-poule dangereux entre l’école et le carrefour, un scooter a chuté hier.',
      sender: { name: 'M. Gérald TEIN', phone: '28 45 67' },
      topic: 'voirie',
      priority: 'high',
    },
  },
  {
    daysAgo: 3,
    type: 'invitation',
    item: {
      channel: 'postal',
      subject: 'Invitation à l’inauguration du nouveau local de l’association des pêcheurs',
      body: 'L’association des pêcheurs plaisanciers du Mont-Dore a l’honneur de vous inviter à l’inauguration de son local, samedi à 10 heures.',
      sender: { name: 'Association des pêcheurs plaisanciers', address: 'BP 123, 98809 Mont-Dore' },
      topic: 'associations',
    },
  },
  {
    daysAgo: 4,
    type: 'demande_subvention',
    territory: 'La Conception',
    item: {
      channel: 'web_form',
      subject: 'Demande de subvention pour le tournoi de football des jeunes',
      body: 'Le club souhaite organiser un tournoi inter-quartiers pendant les vacances scolaires et sollicite une aide de 150 000 XPF.',
      sender: { name: 'Jean-Pierre KAWA', email: 'jp.kawa@example.nc' },
      topic: 'subventions associatives',
    },
  },
  {
    daysAgo: 5,
    type: 'petition',
    territory: 'Saint-Michel',
    item: {
      channel: 'postal',
      subject: 'Pétition pour un ralentisseur rue des Flamboyants',
      body: 'Nous, habitants de Saint-Michel, demandons la pose d’un ralentisseur devant l’arrêt de bus. 87 signatures jointes.',
      sender: { name: 'Collectif des riverains de Saint-Michel', address: '12 rue des Flamboyants, 98809 Mont-Dore' },
      topic: 'voirie',
    },
  },
  {
    daysAgo: 6,
    type: 'courrier',
    item: {
      channel: 'email',
      subject: 'Remerciements pour l’organisation de la fête de quartier',
      body: 'Merci à la mairie pour le prêt des barnums et le soutien des agents.',
      sender: { name: 'Mme Lucie GOMÈS', email: 'lucie.gomes@example.nc' },
      topic: 'fêtes et cérémonies',
    },
  },
  {
    daysAgo: 8,
    type: 'demande',
    territory: 'Vallon-Dore',
    item: {
      channel: 'visit',
      subject: 'Demande de logement d’urgence après un incendie',
      body: 'Reçue à l’accueil : famille de quatre personnes sinistrée, hébergée provisoirement chez des proches.',
      sender: { name: 'Mme Marie-Claude PIDJOT', phone: '79 88 77 66' },
      topic: 'logement',
      priority: 'urgent',
      confidentiality: 'restricted',
    },
  },
  {
    daysAgo: 9,
    type: 'reclamation',
    territory: 'Robinson',
    item: {
      channel: 'social',
      subject: 'Message Facebook : ramassage des encombrants non effectué',
      body: 'Les encombrants déposés rue de la Baie n’ont pas été ramassés à la date annoncée.',
      sender: { name: 'Steeve Nakamura' },
      topic: 'déchets',
    },
  },
  {
    daysAgo: 11,
    type: 'demande',
    territory: 'Yahoué',
    item: {
      channel: 'postal',
      subject: 'Demande d’inscription à la cantine scolaire en cours d’année',
      body: 'Suite à notre déménagement à Yahoué, nous demandons l’inscription de nos deux enfants à la cantine de l’école.',
      sender: { name: 'M. Rémi BONTANT', address: '5 lotissement des Niaoulis, 98809 Mont-Dore' },
      topic: 'cantine scolaire',
    },
  },
  {
    daysAgo: 13,
    type: 'courrier',
    item: {
      channel: 'email',
      subject: 'Information du haut-commissariat sur la campagne de prévention cyclonique',
      body: 'Vous trouverez ci-joint les consignes de la saison cyclonique à relayer auprès de la population.',
      sender: { name: 'Haut-commissariat de la République', email: 'prevention@example.nc' },
      topic: 'sécurité civile',
    },
  },
  {
    daysAgo: 15,
    type: 'reclamation',
    territory: 'Pont-des-Français',
    item: {
      channel: 'phone',
      subject: 'Éclairage public en panne au Pont-des-Français',
      body: 'Trois lampadaires éteints depuis une semaine le long de la RP1.',
      sender: { name: 'Mme Armelle TEIN', email: 'armelle.tein@example.nc' },
      topic: 'éclairage public',
    },
  },
  {
    daysAgo: 20,
    type: 'demande',
    territory: 'Mont-Dore Sud',
    item: {
      channel: 'email',
      subject: 'Signalement d’un conflit de voisinage',
      body: 'Je souhaite rencontrer le directeur de cabinet au sujet d’un différend avec un voisin, que je préfère ne pas détailler par écrit.',
      sender: { name: 'M. Félix WAMYTAN', email: 'felix.wamytan@example.nc' },
      topic: 'sécurité et prévention',
      confidentiality: 'confidential',
    },
  },
];

const DAY = 86_400_000;

/**
 * The correspondence demo: the standard item types for the profile's main organisation, and
 * for Mont-Dore a dozen incoming items of the last three weeks, registered through the real
 * command (numbers, writers matched or created in the directory, due dates, search).
 */
export async function seedCorrespondenceDemo(demo: DemoContext): Promise<void> {
  const org = demo.profile.main;
  const orgId = demo.orgIds[org.slug];
  if (!orgId) return;
  const types = await createItemTypes(demo.tx, orgId);
  if (org.slug !== 'mont-dore') return;
  const userId = demo.userIds.secretariat;
  if (!userId) return;
  const actor: Actor = {
    userId,
    name: 'Secrétariat (démonstration)',
    email: `secretariat@${demo.profile.emailDomain}`,
    orgId,
    role: 'secretariat',
    sessionId: 'demo',
    ip: '127.0.0.1',
  };
  const territories = (await findTerritories(demo.tx, actor, { limit: 200 })).data;
  const setting = { timeZone: org.timeZone, officialCode: org.officialCode, region: defaultRegionFor(org.timeZone) };
  const now = Date.now();
  const registered = new Map<string, string>();
  // Oldest first, so the numbers follow the order of arrival.
  for (const d of [...MONT_DORE_ITEMS].sort((a, b) => b.daysAgo - a.daysAgo)) {
    const row = await registerCorrespondence(
      demo.tx,
      actor,
      {
        ...d.item,
        direction: 'in',
        typeId: types.find((x) => x.code === d.type)?.id ?? null,
        territoryId: territories.find((x) => x.name === d.territory)?.id ?? null,
        receivedAt: new Date(now - d.daysAgo * DAY).toISOString(),
        members: d.item.confidentiality === 'confidential' && demo.userIds.dircab ? [demo.userIds.dircab] : [],
      },
      setting,
    );
    registered.set(d.item.subject, row.id);
  }
  await seedProcessingDemo(demo, actor, registered, { ...setting, name: org.name });
}
