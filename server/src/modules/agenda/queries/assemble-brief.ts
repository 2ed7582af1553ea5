import type { TAssembledBrief } from '@dircab/contracts';
import type { Queryable } from '../../../platform/db/client';
import type { TDocument } from '../../../platform/documents/document';
import type { Actor } from '../../../platform/policy/actor';
import { findContact } from '../../directory/queries/find-contacts';
import { findTimeline } from '../../directory/queries/find-timeline';
import { findMemberOptions } from '../../org/queries/find-member-options';
import type { OfficialsIndex } from '../officials-index';
import { occurrenceOfRow, presentOccurrence } from '../present-event';
import { briefEvent, findBriefRow, presentBrief } from './find-brief';
import { neighbourhoodRequests } from './neighbourhood-requests';

type Attendee = TAssembledBrief['attendees'][number];

/** Entries of a contact's history a brief recalls: the latest few, the page is one A4. */
const HISTORY = 3;

/**
 * The brief as the official reads it before leaving: the event, the brief, the officials
 * going and who will be there, as the directory knows them (its exported queries: the
 * contacts the actor may see, the organisation's members). 404 when the event is only busy.
 */
export async function assembleBrief(
  db: Queryable,
  actor: Actor,
  eventId: string,
  officials: OfficialsIndex,
  timeZone: string,
): Promise<TAssembledBrief> {
  const event = await briefEvent(db, actor, eventId, officials);
  const brief = presentBrief(actor, event, await findBriefRow(db, eventId), officials);
  const officialOf = (id: string): Attendee => {
    const o = officials.byId.get(id);
    return {
      kind: 'official',
      id,
      displayName: o?.displayName ?? '',
      details: o?.details ?? [],
      email: null,
      phone: null,
      history: [],
    };
  };
  const attendees: Attendee[] = event.attendeeOfficialIds.map(officialOf);
  if (event.attendeeUserIds.length > 0) {
    const members = await findMemberOptions(db, actor, { ids: event.attendeeUserIds.join(','), limit: 50 });
    for (const m of members.data) {
      attendees.push({
        kind: 'user',
        id: m.userId,
        displayName: m.name,
        details: m.jobTitle ? [m.jobTitle] : [],
        email: null,
        phone: null,
        history: [],
      });
    }
  }
  for (const id of event.attendeeContactIds) {
    // A contact the actor may not see (or since deleted) is left out, not named.
    const c = await findContact(db, actor, id);
    if (!c || c.deletedAt) continue;
    attendees.push({
      kind: 'contact',
      id,
      displayName: c.displayName,
      details: [c.jobTitle, c.employer].filter((v): v is string => Boolean(v)),
      email: c.emails[0]?.email ?? null,
      phone: c.phones[0]?.number ?? null,
      // What the cabinet last had to do with them: the directory's own 360° timeline.
      history: (await findTimeline(db, actor, c, { limit: HISTORY })).data.map((h) => ({
        at: h.at,
        kind: h.kind,
        title: h.title,
      })),
    });
  }
  return {
    event: presentOccurrence(actor, occurrenceOfRow(event), officials),
    brief,
    officials: event.officialIds.map(officialOf),
    attendees,
    ...(await neighbourhoodRequests(db, actor, brief.territoryId, timeZone)),
  };
}

const htmlOrNothing = (html: string) => (html.trim() ? [{ kind: 'richText' as const, html }] : []);

/** The one-page print of a brief (A4, as DOCX, ODT or PDF through the document kernel). */
export function briefDocument(assembled: TAssembledBrief, organisationName: string): TDocument {
  const { event, brief } = assembled;
  const when = new Intl.DateTimeFormat('fr-FR', {
    timeZone: event.timeZone,
    dateStyle: 'full',
    ...(event.allDay ? {} : { timeStyle: 'short' }),
  }).format(new Date(event.start));
  const people = (list: TAssembledBrief['attendees']) =>
    list.map((a) => [a.displayName, a.details.join(' ; '), a.phone ?? '']);
  return {
    title: `Fiche de déplacement : ${event.title}`,
    subtitle: `${when}${event.place ? ` – ${event.place.label}` : ''}${brief.status === 'validated' ? '' : ' (projet)'}`,
    letterhead: { organisationName, lines: [] },
    blocks: [
      { kind: 'heading', text: 'Horaires et lieu' },
      { kind: 'paragraph', text: when },
      ...(event.place
        ? [{ kind: 'paragraph' as const, text: [event.place.label, event.place.address].filter(Boolean).join(', ') }]
        : []),
      ...(event.representing ? [{ kind: 'paragraph' as const, text: `L’élu ${event.representing.label}.` }] : []),
      { kind: 'heading', text: 'Élus présents' },
      { kind: 'table', columns: ['Nom', 'Qualité', 'Téléphone'], rows: people(assembled.officials) },
      { kind: 'heading', text: 'Participants' },
      assembled.attendees.length > 0
        ? { kind: 'table', columns: ['Nom', 'Qualité', 'Téléphone'], rows: people(assembled.attendees) }
        : { kind: 'paragraph', text: 'Aucun participant indiqué.' },
      ...assembled.attendees
        .filter((a) => a.history.length > 0)
        .map((a) => ({
          kind: 'paragraph' as const,
          text: `${a.displayName} : ${a.history.map((h) => `${h.at.slice(0, 10)} ${h.title}`).join(' ; ')}`,
        })),
      ...(assembled.territory
        ? [
            { kind: 'heading' as const, text: `Demandes en cours du quartier : ${assembled.territory.name}` },
            assembled.openRequests.length > 0
              ? {
                  kind: 'table' as const,
                  columns: ['N°', 'Objet', 'Demandeur'],
                  rows: assembled.openRequests.map((r) => [r.registrationNumber, r.subject, r.senderName]),
                }
              : { kind: 'paragraph' as const, text: 'Aucune demande en cours.' },
          ]
        : []),
      { kind: 'heading', text: 'Éléments de langage' },
      ...htmlOrNothing(brief.talkingPoints),
      { kind: 'heading', text: 'Logistique' },
      { kind: 'paragraph', text: `Chauffeur : ${brief.driver ?? '—'}. Cadeau : ${brief.gift ?? '—'}.` },
      ...htmlOrNothing(brief.logistics),
      { kind: 'heading', text: 'Protocole' },
      ...htmlOrNothing(brief.protocolRemarks),
    ],
  };
}
