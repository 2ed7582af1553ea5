import { EVENT_KINDS, type TCreateInvitation, type TEventKind } from '@dircab/contracts';
import { zonedIso } from './agenda-time';

/** The invitation form as typed: days and times in the organisation's zone. */
export interface InvitationFormValues {
  title: string;
  organiserContactId: string | null;
  organiserName: string;
  kind: TEventKind;
  allDay: boolean;
  day: string;
  startTime: string;
  endTime: string;
  endDay: string;
  placeLabel: string;
  placeAddress: string;
  answerBy: string;
  receivedOn: string;
  notes: string;
}

export const KINDS = EVENT_KINDS;

export function emptyInvitation(today: string): InvitationFormValues {
  return {
    title: '',
    organiserContactId: null,
    organiserName: '',
    kind: 'ceremony',
    allDay: false,
    day: '',
    startTime: '18:00',
    endTime: '20:00',
    endDay: '',
    placeLabel: '',
    placeAddress: '',
    answerBy: '',
    receivedOn: today,
    notes: '',
  };
}

/**
 * The API's body: a timed invitation as instants with the zone's offset, an all-day one as its
 * days; empty fields left out so the server's French messages name what is missing.
 */
export function toCreateInvitation(
  v: InvitationFormValues,
  timeZone: string,
  correspondenceItemId: string | null,
): TCreateInvitation {
  const timing = v.allDay
    ? { allDay: true, startDate: v.day || undefined, endDate: v.endDay || v.day || undefined }
    : {
        start: v.day && v.startTime ? zonedIso(v.day, v.startTime, timeZone) : undefined,
        end: v.day && v.endTime ? zonedIso(v.day, v.endTime, timeZone) : undefined,
      };
  const body: Record<string, unknown> = {
    title: v.title.trim() || undefined,
    organiserContactId: v.organiserContactId ?? undefined,
    organiserName: v.organiserName.trim() || undefined,
    kind: v.kind,
    place: v.placeLabel.trim() ? { label: v.placeLabel.trim(), address: v.placeAddress.trim() || null } : undefined,
    answerBy: v.answerBy,
    receivedOn: v.receivedOn || undefined,
    notes: v.notes.trim() || undefined,
    correspondenceItemId: correspondenceItemId ?? undefined,
    ...timing,
  };
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return body as TCreateInvitation;
}

/** The server's field paths, on the form's fields. */
export const FIELD_OF_PATH: Record<string, keyof InvitationFormValues> = {
  title: 'title',
  organiserContactId: 'organiserName',
  organiserName: 'organiserName',
  start: 'startTime',
  end: 'endTime',
  startDate: 'day',
  endDate: 'endDay',
  'place.label': 'placeLabel',
  answerBy: 'answerBy',
  receivedOn: 'receivedOn',
  correspondenceItemId: 'title',
};
