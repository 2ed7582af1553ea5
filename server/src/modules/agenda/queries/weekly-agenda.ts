import type { Queryable } from '../../../platform/db/client';
import type { TDocument } from '../../../platform/documents/document';
import type { Actor } from '../../../platform/policy/actor';
import type { AgendaContext } from '../agenda-context';
import { representationLabel } from '../present-event';
import { addDays, startOfDay } from '../zoned-time';
import { occurrencesInPeriod, periodOf } from './find-events';

const format = (timeZone: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat('fr-FR', { timeZone, ...options });

/**
 * The public events of a week (seven days from `from`, organisation's zone) as a document for
 * the officials, the press and the website: by day, the hours, who, what and where. Internal
 * and private events never appear, whoever prints it.
 */
export async function weeklyAgenda(
  db: Queryable,
  actor: Actor,
  from: string,
  context: AgendaContext,
  organisationName: string,
): Promise<TDocument> {
  const tz = context.timeZone;
  const to = addDays(from, 6);
  const occurrences = (await occurrencesInPeriod(db, actor, periodOf(from, to, tz))).filter(
    (o) => o.row.visibility === 'public',
  );
  const dayName = format(tz, { weekday: 'long', day: 'numeric', month: 'long' });
  const hour = format(tz, { hour: '2-digit', minute: '2-digit' });
  const blocks: TDocument['blocks'] = [];
  for (let d = 0; d < 7; d++) {
    const day = addDays(from, d);
    const start = startOfDay(day, tz);
    const end = startOfDay(addDays(day, 1), tz);
    const ofDay = occurrences.filter((o) => o.start < end && o.end > start);
    if (ofDay.length === 0) continue;
    const label = dayName.format(start);
    blocks.push({ kind: 'heading', text: label.charAt(0).toUpperCase() + label.slice(1) });
    blocks.push({
      kind: 'table',
      columns: ['Heure', 'Élus', 'Événement', 'Lieu'],
      widths: [1, 2, 3, 2],
      rows: ofDay.map((o) => [
        o.row.allDay ? 'Journée' : `${hour.format(o.start)} – ${hour.format(o.end)}`,
        o.row.officialIds.map((id) => context.officials.byId.get(id)?.displayName ?? '').join(', '),
        o.row.representingOfficialId
          ? `${o.row.title} (${representationLabel(context.officials, o.row.representingOfficialId)})`
          : o.row.title,
        o.row.placeLabel ?? '',
      ]),
    });
  }
  if (blocks.length === 0) blocks.push({ kind: 'paragraph', text: 'Aucun événement public cette semaine.' });
  const long = format(tz, { day: 'numeric', month: 'long', year: 'numeric' });
  return {
    title: 'Agenda de la semaine',
    subtitle: `Du ${long.format(startOfDay(from, tz))} au ${long.format(startOfDay(to, tz))}`,
    letterhead: { organisationName, lines: [] },
    blocks,
  };
}
