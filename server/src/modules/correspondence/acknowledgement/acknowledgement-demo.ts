import type { DemoContext } from '../../../demo/seed-demo';
import { correspondenceLetterheads } from './acknowledgement.schema';
import { ensureDefaultTemplate } from './commands/ensure-default-template';

type NewLetterhead = Omit<typeof correspondenceLetterheads.$inferInsert, 'orgId' | 'updatedAt'>;

// Invented addresses and numbers (DOMAIN.md): any likeness to a real one is a coincidence.
const LETTERHEADS: Record<string, NewLetterhead> = {
  'mont-dore': {
    organisationName: 'Ville du Mont-Dore',
    addressLines: ['Hôtel de ville', '12 route de Boulari', '98809 Le Mont-Dore'],
    phone: '41 00 00',
    email: 'mairie@mont-dore.example',
    website: 'www.mont-dore.example',
    place: 'Le Mont-Dore',
    secretariatName: 'Secrétariat du cabinet de la Maire',
    secretariatEmail: 'secretariat@mont-dore.example',
    secretariatPhone: '41 00 10',
    executiveName: 'Hélène Boyer',
    executiveTitle: 'La Maire',
    appealCourt: 'le tribunal administratif de Nouméa',
  },
  'ccas-mont-dore': {
    organisationName: 'Centre communal d’action sociale du Mont-Dore',
    addressLines: ['7 rue des Écoles', '98809 Le Mont-Dore'],
    phone: '41 00 40',
    email: 'ccas@mont-dore.example',
    website: null,
    place: 'Le Mont-Dore',
    secretariatName: 'Accueil du CCAS',
    secretariatEmail: 'ccas@mont-dore.example',
    secretariatPhone: '41 00 40',
    executiveName: 'Hélène Boyer',
    executiveTitle: 'La Présidente du conseil d’administration',
    appealCourt: 'le tribunal administratif de Nouméa',
  },
  meuse: {
    organisationName: 'Département de la Meuse',
    addressLines: ['Hôtel du Département', '1 place Saint-Pierre', '55000 Bar-le-Duc'],
    phone: '03 29 00 00 00',
    email: 'contact@meuse.example',
    website: 'www.meuse.example',
    place: 'Bar-le-Duc',
    secretariatName: 'Secrétariat du cabinet du Président',
    secretariatEmail: 'cabinet@meuse.example',
    secretariatPhone: '03 29 00 00 10',
    executiveName: 'Bernard Aubry',
    executiveTitle: 'Le Président du conseil départemental',
    appealCourt: 'le tribunal administratif de Nancy',
  },
};

/** Each demo organisation gets its letterhead and the default French acknowledgement template. */
export async function seedAcknowledgementDemo(demo: DemoContext): Promise<void> {
  for (const [slug, orgId] of Object.entries(demo.orgIds)) {
    const letterhead = LETTERHEADS[slug];
    if (letterhead)
      await demo.tx
        .insert(correspondenceLetterheads)
        .values({ orgId, ...letterhead })
        .onConflictDoNothing();
    await ensureDefaultTemplate(demo.tx, orgId);
  }
}
