import { z } from 'zod';
import { ZPageQuery, ZPolicies, ZUuid } from './common';

// Agenda (issue 5), first increment: events of officials, invitations received, trip briefs
// and calendar feeds. Times travel as ISO 8601 with an offset; all-day events as dates.

const ZText = (max: number) => z.string().trim().min(1).max(max);
const ZOptionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const atLeastOne = { message: 'Indiquez au moins un champ à modifier.' };
const nonEmpty = (v: object) => Object.keys(v).length > 0;

export const EVENT_KINDS = [
  'meeting',
  'trip',
  'ceremony',
  'council_session',
  'office_hours',
  'internal',
  'private_block',
] as const;
export const ZEventKind = z.enum(EVENT_KINDS);
export type TEventKind = z.infer<typeof ZEventKind>;

/** Public: anyone; internal: the organisation; private: shown as busy to those who may not see it. */
export const EVENT_VISIBILITIES = ['public', 'internal', 'private'] as const;
export const ZEventVisibility = z.enum(EVENT_VISIBILITIES);
export type TEventVisibility = z.infer<typeof ZEventVisibility>;

/** Longest single event (a trip abroad): bounds the period lists read back in time. */
export const MAX_EVENT_DAYS = 31;
/** Longest period a list expands (about three months). */
export const MAX_PERIOD_DAYS = 93;

/** An instant with its offset (`2026-11-23T18:00:00+11:00`): a time without one is ambiguous. */
export const ZInstant = z.iso.datetime({ offset: true, message: 'Date et heure ISO 8601 avec fuseau attendues.' });
export const ZDay = z.iso.date({ message: 'Date attendue au format AAAA-MM-JJ.' });

export const ZPlace = z.strictObject({
  label: ZText(200),
  address: ZOptionalText(500),
  lat: z.number().min(-90).max(90).nullable().optional(),
  lon: z.number().min(-180).max(180).nullable().optional(),
});
export type TPlace = z.infer<typeof ZPlace>;

export const ZAttendees = z.strictObject({
  officialIds: z.array(ZUuid).max(50).default([]),
  userIds: z.array(ZUuid).max(50).default([]),
  contactIds: z.array(ZUuid).max(200).default([]),
});
export type TAttendees = z.infer<typeof ZAttendees>;

export const ZRecurrenceInput = z.strictObject({
  /** An RFC 5545 RRULE (`FREQ=WEEKLY;BYDAY=WE`), with or without the `RRULE:` prefix. */
  rrule: ZText(500),
  /** Occurrences removed from the series (EXDATE): their start, or their day for all-day. */
  exdates: z
    .array(z.union([ZInstant, ZDay]))
    .max(500)
    .default([]),
});
export type TRecurrenceInput = z.infer<typeof ZRecurrenceInput>;

const timingFields = {
  allDay: z.boolean().optional(),
  start: ZInstant.optional(),
  end: ZInstant.optional(),
  /** All-day: the first and the last day (inclusive). */
  startDate: ZDay.optional(),
  endDate: ZDay.optional(),
  /** IANA zone the event is planned in; the organisation's by default. */
  timeZone: z.string().trim().min(1).max(64).optional(),
};

const eventFields = {
  title: ZText(200),
  description: z.string().max(20_000).optional(),
  kind: ZEventKind,
  visibility: ZEventVisibility,
  /** Whose agenda the event is on. */
  officialIds: z.array(ZUuid).min(1, 'Indiquez au moins un élu.').max(20),
  place: ZPlace.nullable().optional(),
  attendees: ZAttendees.optional(),
  /** Reminders, in minutes before the start (four weeks at most). */
  reminders: z.array(z.number().int().min(0).max(40_320)).max(5).optional(),
  recurrence: ZRecurrenceInput.nullable().optional(),
  ...timingFields,
};

type Timing = {
  allDay?: boolean | undefined;
  start?: string | undefined;
  end?: string | undefined;
  startDate?: string | undefined;
  endDate?: string | undefined;
};

/** Timed (start, end) or all-day (startDate, endDate), never a mix; the end after the start. */
function checkTiming(v: Timing, ctx: z.RefinementCtx, required: boolean) {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (v.allDay) {
    if (v.start !== undefined) issue('start', 'Un événement sur la journée se donne par ses dates (startDate).');
    if (v.end !== undefined) issue('end', 'Un événement sur la journée se donne par ses dates (endDate).');
    if (required && !v.startDate) issue('startDate', 'Indiquez le premier jour.');
    if (v.startDate && v.endDate && v.endDate < v.startDate) issue('endDate', 'Le dernier jour précède le premier.');
    return;
  }
  if (v.allDay === false || required) {
    if (v.startDate !== undefined) issue('startDate', 'Un événement horaire se donne par son début (start).');
    if (v.endDate !== undefined) issue('endDate', 'Un événement horaire se donne par sa fin (end).');
  }
  if (required && !v.start) issue('start', 'Indiquez le début.');
  if (required && !v.end) issue('end', 'Indiquez la fin.');
  if (v.start && v.end && Date.parse(v.end) <= Date.parse(v.start)) issue('end', 'La fin doit suivre le début.');
}

export const ZCreateEvent = z.strictObject(eventFields).superRefine((v, ctx) => checkTiming(v, ctx, true));
export type TCreateEvent = z.infer<typeof ZCreateEvent>;

export const ZUpdateEvent = z
  .strictObject({
    ...eventFields,
    title: eventFields.title.optional(),
    kind: eventFields.kind.optional(),
    visibility: eventFields.visibility.optional(),
    officialIds: eventFields.officialIds.optional(),
  })
  .refine(nonEmpty, atLeastOne)
  .superRefine((v, ctx) => checkTiming(v, ctx, false));
export type TUpdateEvent = z.infer<typeof ZUpdateEvent>;

/** One occurrence of a recurring event: its original start (the RECURRENCE-ID). */
export const ZOccurrenceQuery = z.strictObject({ occurrence: z.union([ZInstant, ZDay]).optional() });
export type TOccurrenceQuery = z.infer<typeof ZOccurrenceQuery>;

export const ZMoveEvent = z
  .strictObject({
    /** The new start; the duration is kept. All-day events move by `startDate`. */
    start: ZInstant.optional(),
    startDate: ZDay.optional(),
    /** Move one occurrence of a recurring event (its original start) rather than the series. */
    occurrence: z.union([ZInstant, ZDay]).optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.start === !v.startDate) {
      ctx.addIssue({ code: 'custom', path: ['start'], message: 'Indiquez le nouveau début (start ou startDate).' });
    }
  });
export type TMoveEvent = z.infer<typeof ZMoveEvent>;

export const ZConflicts = z.object({
  /** Events of the same official that overlap this one. */
  overlaps: z.array(ZUuid),
  /** The next event of the same official elsewhere, too soon to travel (minutes between). */
  travel: z.array(z.object({ eventId: ZUuid, minutes: z.number().int() })),
});
export type TConflicts = z.infer<typeof ZConflicts>;

export const ZRepresenting = z.object({
  /** The official represented (the mayor). */
  officialId: ZUuid,
  /** « représente le Maire ». */
  label: z.string(),
});

/**
 * One event or one occurrence of a series, as the actor may see it. `busy: true` is a private
 * event the actor may not see: times only, title « Occupé », details null.
 */
export const ZEvent = z.object({
  id: ZUuid,
  /** The series an occurrence or an override belongs to. */
  seriesId: ZUuid.nullable(),
  /** The occurrence's original start (an override's RECURRENCE-ID). */
  recurrenceId: z.string().nullable(),
  busy: z.boolean(),
  title: z.string(),
  kind: ZEventKind.nullable(),
  visibility: ZEventVisibility,
  allDay: z.boolean(),
  /** UTC instants; for all-day events, midnight of the first day and of the day after the last. */
  start: z.string(),
  end: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  timeZone: z.string(),
  officialIds: z.array(ZUuid),
  description: z.string().nullable(),
  place: z
    .object({
      label: z.string(),
      address: z.string().nullable(),
      lat: z.number().nullable(),
      lon: z.number().nullable(),
    })
    .nullable(),
  attendees: z.object({ officialIds: z.array(ZUuid), userIds: z.array(ZUuid), contactIds: z.array(ZUuid) }).nullable(),
  reminders: z.array(z.number().int()),
  recurrence: z.object({ rrule: z.string(), exdates: z.array(z.string()) }).nullable(),
  representing: ZRepresenting.nullable(),
  invitationId: ZUuid.nullable(),
  /** Present in lists: what this event collides with. */
  conflicts: ZConflicts.optional(),
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  policies: ZPolicies,
});
export type TEvent = z.infer<typeof ZEvent>;

export const ZEventPage = z.object({ data: z.array(ZEvent), nextCursor: z.string().nullable() });

const uuidList = z
  .string()
  .trim()
  .max(20 * 37)
  .transform((s, ctx) => {
    const ids = s.split(',').filter(Boolean);
    for (const id of ids) {
      if (!ZUuid.safeParse(id).success) {
        ctx.addIssue({ code: 'custom', message: `Identifiant invalide : « ${id} ».` });
        return z.NEVER;
      }
    }
    return ids;
  });

export const ZEventQuery = ZPageQuery.extend({
  limit: z.coerce.number().int().min(1).max(500).default(200),
  /** First and last day of the period (organisation's time zone, inclusive). */
  from: ZDay,
  to: ZDay,
  /** Comma-separated official ids: their agendas side by side. */
  officialIds: uuidList.optional(),
});
export type TEventQuery = z.infer<typeof ZEventQuery>;

/** The weekly public agenda: seven days from `from`, as a document. */
export const ZWeeklyAgendaQuery = z.strictObject({ from: ZDay, format: z.enum(['pdf', 'docx', 'odt']).default('pdf') });

export const ZConflictQuery = z.strictObject({ officialId: ZUuid, from: ZDay, to: ZDay });
export type TConflictQuery = z.infer<typeof ZConflictQuery>;

export const ZConflict = z.object({
  kind: z.enum(['overlap', 'travel']),
  officialId: ZUuid,
  eventIds: z.array(ZUuid),
  start: z.string(),
  /** Travel: minutes between the two events. */
  minutes: z.number().int().nullable(),
});
export const ZConflictList = z.object({ data: z.array(ZConflict) });

export const ZMovedEvent = z.object({
  event: ZEvent,
  /** The times before the move, for an undo (move again to `previous.start`). */
  previous: z.object({
    start: z.string(),
    end: z.string(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
  }),
});

export const ZAgendaSettings = z.strictObject({
  /** Minutes needed between two events at different places before a travel warning. */
  travelMinutes: z.number().int().min(0).max(600),
});
export type TAgendaSettings = z.infer<typeof ZAgendaSettings>;

// Invitations received: accept, delegate (representation) or decline with a letter.

export const INVITATION_STATUSES = ['pending', 'accepted', 'delegated', 'declined'] as const;
export const ZInvitationStatus = z.enum(INVITATION_STATUSES);
export type TInvitationStatus = z.infer<typeof ZInvitationStatus>;

export const ZCreateInvitation = z
  .strictObject({
    /** The incoming letter's subject when created from it. */
    title: ZText(200).optional(),
    /** The organiser in the directory; or only a name. */
    organiserContactId: ZUuid.nullable().optional(),
    organiserName: ZOptionalText(200),
    place: ZPlace.nullable().optional(),
    /** Answer before this day. */
    answerBy: ZDay,
    /**
     * The invitation registered as incoming mail: its subject, writer and received day fill
     * what is not given (404 when the actor may not see the item).
     */
    correspondenceItemId: ZUuid.nullable().optional(),
    /** The day it reached the cabinet; the letter's, or today. */
    receivedOn: ZDay.optional(),
    notes: z.string().max(5000).optional(),
    kind: ZEventKind.optional(),
    ...timingFields,
  })
  .superRefine((v, ctx) => {
    checkTiming(v, ctx, true);
    if (!v.correspondenceItemId && !v.title) {
      ctx.addIssue({ code: 'custom', path: ['title'], message: 'Indiquez l’intitulé de l’invitation.' });
    }
    if (!v.correspondenceItemId && !v.organiserContactId && !v.organiserName) {
      ctx.addIssue({ code: 'custom', path: ['organiserName'], message: 'Indiquez l’organisateur.' });
    }
  });
export type TCreateInvitation = z.infer<typeof ZCreateInvitation>;

export const ZInvitation = z.object({
  id: ZUuid,
  title: z.string(),
  organiserContactId: ZUuid.nullable(),
  organiserName: z.string(),
  kind: ZEventKind,
  allDay: z.boolean(),
  start: z.string(),
  end: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  timeZone: z.string(),
  place: ZEvent.shape.place,
  answerBy: z.string(),
  status: ZInvitationStatus,
  /** Pending past its answer-by day (organisation's time zone). */
  overdue: z.boolean(),
  correspondenceItemId: ZUuid.nullable(),
  receivedOn: z.string().nullable(),
  notes: z.string(),
  /** The event the answer put on an agenda. */
  eventId: ZUuid.nullable(),
  delegatedOfficialId: ZUuid.nullable(),
  declineReason: z.string().nullable(),
  /** The reply declining it, registered as outgoing mail (`2026-D-…`). */
  replyItemId: ZUuid.nullable(),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  policies: ZPolicies,
});
export type TInvitation = z.infer<typeof ZInvitation>;

export const ZInvitationPage = z.object({ data: z.array(ZInvitation), nextCursor: z.string().nullable() });

export const ZInvitationQuery = ZPageQuery.extend({
  status: z.enum([...INVITATION_STATUSES, 'overdue']).optional(),
  /** The invitations created from one incoming letter. */
  correspondenceItemId: ZUuid.optional(),
});
export type TInvitationQuery = z.infer<typeof ZInvitationQuery>;

export const ZAcceptInvitation = z.strictObject({});
export const ZDelegateInvitation = z.strictObject({ officialId: ZUuid });
export type TDelegateInvitation = z.infer<typeof ZDelegateInvitation>;
export const ZDeclineInvitation = z.strictObject({ reason: ZOptionalText(2000) });
export type TDeclineInvitation = z.infer<typeof ZDeclineInvitation>;

export const ZPeriodQuery = z.strictObject({ from: ZDay, to: ZDay });
export type TPeriodQuery = z.infer<typeof ZPeriodQuery>;

export const ZRepresentationReport = z.object({
  from: z.string(),
  to: z.string(),
  data: z.array(
    z.object({
      officialId: ZUuid,
      officialName: z.string(),
      representedOfficialId: ZUuid,
      representedName: z.string(),
      count: z.number().int(),
      events: z.array(z.object({ eventId: ZUuid, title: z.string(), start: z.string() })),
    }),
  ),
});
export type TRepresentationReport = z.infer<typeof ZRepresentationReport>;

// Trip brief (fiche de déplacement): prepared by the secretariat, validated by the cabinet.

export const BRIEF_STATUSES = ['draft', 'validated'] as const;
export const ZBriefStatus = z.enum(BRIEF_STATUSES);

/** Rich text (the editor's HTML), sanitised at display. */
const ZRichText = z.string().max(50_000);

export const ZUpdateBrief = z
  .strictObject({
    talkingPoints: ZRichText.optional(),
    driver: ZOptionalText(200),
    gift: ZOptionalText(500),
    logistics: ZRichText.optional(),
    protocolRemarks: ZRichText.optional(),
    /** The neighbourhood (directory territory) whose open requests the brief recalls. */
    territoryId: ZUuid.nullable().optional(),
  })
  .refine(nonEmpty, atLeastOne);
export type TUpdateBrief = z.infer<typeof ZUpdateBrief>;

export const ZBrief = z.object({
  eventId: ZUuid,
  status: ZBriefStatus,
  talkingPoints: z.string(),
  driver: z.string().nullable(),
  gift: z.string().nullable(),
  logistics: z.string(),
  protocolRemarks: z.string(),
  territoryId: ZUuid.nullable(),
  validatedBy: ZUuid.nullable(),
  validatedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  policies: ZPolicies,
});
export type TBrief = z.infer<typeof ZBrief>;

export const ZBriefAttendee = z.object({
  kind: z.enum(['official', 'user', 'contact']),
  id: ZUuid,
  displayName: z.string(),
  /** Function, organisation or mandates, as the directory knows them. */
  details: z.array(z.string()),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  /** A contact's latest entries on their 360° page (letters, mandates, meetings…), newest first. */
  history: z.array(z.object({ at: z.string(), kind: z.string(), title: z.string() })),
});

/** A request of the brief's neighbourhood still being handled (incoming mail the actor may see). */
export const ZBriefRequest = z.object({
  id: ZUuid,
  registrationNumber: z.string(),
  subject: z.string(),
  senderName: z.string(),
  receivedAt: z.string(),
  status: z.string(),
});

export const ZAssembledBrief = z.object({
  event: ZEvent,
  brief: ZBrief,
  officials: z.array(ZBriefAttendee),
  attendees: z.array(ZBriefAttendee),
  /** The neighbourhood's name, and its open requests (newest first, a few). */
  territory: z.object({ id: ZUuid, name: z.string() }).nullable(),
  openRequests: z.array(ZBriefRequest),
});
export type TAssembledBrief = z.infer<typeof ZAssembledBrief>;

// Calendar feeds: a secret, revocable URL per user and per official.

export const ZCalendarFeed = z.object({
  /** The subscription, once created (null: available, not yet created). */
  id: ZUuid.nullable(),
  kind: z.enum(['user', 'official']),
  officialId: ZUuid.nullable(),
  label: z.string(),
  /**
   * The secret address: only in the answer that creates or rotates it (the token is stored
   * hashed and cannot be shown again).
   */
  url: z.string().nullable(),
  createdAt: z.string().nullable(),
  policies: ZPolicies,
});
export type TCalendarFeed = z.infer<typeof ZCalendarFeed>;

export const ZCalendarFeedList = z.object({ data: z.array(ZCalendarFeed) });
export type TCalendarFeedList = z.infer<typeof ZCalendarFeedList>;
export const ZCreateCalendarFeed = z.strictObject({ officialId: ZUuid.nullable().optional() });
export type TCreateCalendarFeed = z.infer<typeof ZCreateCalendarFeed>;

export const ZFeedTokenParams = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'Adresse de calendrier invalide.'),
});

export const ZImportEventsQuery = z.strictObject({ officialIds: uuidList });
export const ZImportedEvents = z.object({ data: z.array(ZEvent) });
