import type { TCreateEvent } from '@dircab/contracts';
import { loadAgendaContext } from '../modules/agenda/agenda-context';
import { createEvent } from '../modules/agenda/commands/create-event';
import { createInvitation } from '../modules/agenda/commands/create-invitation';
import { updateBrief } from '../modules/agenda/commands/update-brief';
import { addDays, instantOfWallClock } from '../modules/agenda/zoned-time';
import { localDate } from '../platform/calendar/working-days';
import type { Actor } from '../platform/policy/actor';
import type { DemoContext } from './seed-demo';

/** A local wall-clock time `days` from today in the zone, as an ISO instant. */
function at(today: string, days: number, time: string, timeZone: string): string {
  return instantOfWallClock(Date.parse(`${addDays(today, days)}T${time}:00Z`), timeZone).toISOString();
}

/**
 * The agenda demo: a week around today for the executive and the first two deputies (in the
 * council's order), with a private block, a weekly permanence, an overlap and a too-short
 * journey to show conflicts, a trip brief, and two invitations waiting for an answer. Dates
 * follow the day the demo is seeded, so the week view is never empty.
 */
export async function seedAgendaDemo(demo: DemoContext): Promise<void> {
  const org = demo.profile.main;
  const orgId = demo.orgIds[org.slug];
  const userId = demo.userIds.secretariat;
  if (!orgId || !userId) return;
  const actor: Actor = {
    userId,
    name: 'Secrétariat (démonstration)',
    email: `secretariat@${demo.profile.emailDomain}`,
    orgId,
    role: 'secretariat',
    sessionId: 'demo',
    ip: '127.0.0.1',
  };
  const context = await loadAgendaContext(demo.tx, actor, org.timeZone);
  const executive = context.officials.executive;
  const deputies = [...context.officials.byId.values()].filter((o) => o !== executive).slice(0, 2);
  const [first, second] = deputies;
  if (!executive || !first || !second) return;
  const tz = org.timeZone;
  const today = localDate(new Date(), tz);
  const timed = (days: number, from: string, to: string) => ({
    start: at(today, days, from, tz),
    end: at(today, days, to, tz),
  });
  const events: TCreateEvent[] = [
    {
      title: 'Rencontre avec le représentant de l’État',
      kind: 'meeting',
      visibility: 'internal',
      officialIds: [executive.id],
      place: { label: 'Hôtel de ville', address: null },
      reminders: [30],
      ...timed(0, '10:00', '11:00'),
    },
    {
      title: 'Rendez-vous personnel',
      description: 'Créneau bloqué à la demande de l’élue.',
      kind: 'private_block',
      visibility: 'private',
      officialIds: [executive.id],
      ...timed(1, '12:00', '13:30'),
    },
    {
      title: 'Séance du conseil municipal',
      kind: 'council_session',
      visibility: 'public',
      officialIds: [executive.id, first.id, second.id],
      place: { label: 'Salle du conseil, hôtel de ville', address: null },
      ...timed(2, '18:00', '21:00'),
    },
    {
      title: 'Inauguration du plateau sportif',
      kind: 'ceremony',
      visibility: 'public',
      officialIds: [executive.id],
      place: { label: 'Plateau sportif de Yahoué', address: null, lat: -22.2348, lon: 166.4861 },
      reminders: [60],
      ...timed(3, '09:00', '10:30'),
    },
    {
      title: 'Permanence de l’élu',
      kind: 'office_hours',
      visibility: 'public',
      officialIds: [first.id],
      place: { label: 'Mairie annexe de Plum', address: null },
      recurrence: { rrule: 'FREQ=WEEKLY;COUNT=12', exdates: [] },
      ...timed(-2, '08:00', '11:00'),
    },
    {
      title: 'Visite du chantier de l’école',
      kind: 'trip',
      visibility: 'public',
      officialIds: [first.id],
      place: { label: 'École de Plum', address: null },
      ...timed(1, '14:00', '15:30'),
    },
    {
      title: 'Réunion avec les associations sportives',
      kind: 'meeting',
      visibility: 'internal',
      officialIds: [second.id],
      place: { label: 'Maison des sports', address: null },
      ...timed(1, '17:00', '18:30'),
    },
    {
      // Overlaps the meeting before it, elsewhere: the week view flags both.
      title: 'Remise des prix du tournoi de football',
      kind: 'ceremony',
      visibility: 'public',
      officialIds: [second.id],
      place: { label: 'Stade de Boulari', address: null },
      ...timed(1, '18:15', '19:00'),
    },
  ];
  const created = [];
  for (const input of events) created.push(await createEvent(demo.tx, actor, input, context));
  const ceremony = created[3];
  if (ceremony) {
    await updateBrief(
      demo.tx,
      actor,
      ceremony.id,
      {
        talkingPoints:
          '<p>Remercier les entreprises et les bénévoles du quartier.</p><ul><li>Coût de l’équipement et part de la commune.</li><li>Horaires d’ouverture au public.</li></ul>',
        driver: 'Service des moyens généraux',
        gift: 'Ballons pour le club de quartier',
        logistics: '<p>Arrivée 15 minutes avant, accueil par le président du club.</p>',
        protocolRemarks: '<p>Discours de l’élu en dernier ; ruban coupé avec le plus jeune licencié.</p>',
      },
      context.officials,
    );
  }
  for (const invitation of [
    {
      title: 'Assemblée générale de l’association des parents d’élèves',
      organiserName: 'Association des parents d’élèves',
      answerBy: addDays(today, 5),
      place: { label: 'Groupe scolaire de Boulari', address: null },
      ...timed(10, '18:00', '20:00'),
    },
    {
      title: 'Fête de quartier',
      organiserName: 'Comité des fêtes',
      answerBy: addDays(today, 3),
      place: { label: 'Place du marché', address: null },
      ...timed(8, '10:00', '13:00'),
    },
  ]) {
    await createInvitation(demo.tx, actor, { ...invitation, kind: 'ceremony' }, tz);
  }
}
