import { z } from 'zod';
import { ZConfidentiality, ZPageQuery, ZPolicies, ZUuid } from './common';

// Correspondence (issue 4), first increment: registration, the list and the item.

const ZText = (max: number) => z.string().trim().min(1).max(max);
const ZOptionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const atLeastOne = { message: 'Indiquez au moins un champ à modifier.' };
const nonEmpty = (v: object) => Object.keys(v).length > 0;

export const CORRESPONDENCE_DIRECTIONS = ['in', 'out'] as const;
export const ZCorrespondenceDirection = z.enum(CORRESPONDENCE_DIRECTIONS);
export type TCorrespondenceDirection = z.infer<typeof ZCorrespondenceDirection>;

export const CORRESPONDENCE_CHANNELS = ['postal', 'email', 'web_form', 'phone', 'visit', 'social'] as const;
export const ZCorrespondenceChannel = z.enum(CORRESPONDENCE_CHANNELS);
export type TCorrespondenceChannel = z.infer<typeof ZCorrespondenceChannel>;

/** The processing circuit (DOMAIN.md), plus its three side exits. */
export const CORRESPONDENCE_STATUSES = [
  'registered',
  'routed',
  'in_progress',
  'reply_drafted',
  'in_review',
  'to_sign',
  'sent',
  'closed',
  'waiting_info',
  'closed_without_reply',
  'forwarded',
] as const;
export const ZCorrespondenceStatus = z.enum(CORRESPONDENCE_STATUSES);
export type TCorrespondenceStatus = z.infer<typeof ZCorrespondenceStatus>;

export const CORRESPONDENCE_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const ZCorrespondencePriority = z.enum(CORRESPONDENCE_PRIORITIES);

/** What silence on a request subject to a decision becomes (CRPA L.231-1 and its exceptions). */
export const IMPLICIT_DECISION_RULES = ['acceptance', 'rejection'] as const;
export const ZImplicitDecisionRule = z.enum(IMPLICIT_DECISION_RULES);

/** The correspondent as written on the item: matched to a directory contact at registration. */
export const ZSenderInput = z.strictObject({
  name: ZText(200),
  email: z
    .email({ message: 'L’adresse électronique est invalide.' })
    .max(254)
    .transform((s) => s.toLowerCase())
    .nullable()
    .optional(),
  phone: ZOptionalText(40),
  address: ZOptionalText(500),
});
export type TSenderInput = z.infer<typeof ZSenderInput>;

/** At most this many tags on one item, each at most TAG_MAX_LENGTH characters. */
export const TAG_MAX_COUNT = 20;
export const TAG_MAX_LENGTH = 40;

/** The key two spellings of one tag share: spaces collapsed, lower case (accents kept: French). */
export function tagKey(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLocaleLowerCase('fr');
}

/** A free label of the organisation (« voirie », « Urgent élu »): trimmed, spaces collapsed, display kept. */
export const ZTag = z
  .string()
  .transform((s) => s.trim().replace(/\s+/g, ' '))
  .pipe(
    z
      .string()
      .min(1, { message: 'Une étiquette ne peut pas être vide.' })
      .max(TAG_MAX_LENGTH, { message: `Une étiquette tient en ${TAG_MAX_LENGTH} caractères au plus.` })
      .refine((s) => !/[,;]/.test(s), { message: 'Une étiquette ne contient ni virgule ni point-virgule.' }),
  );

/** Tags of an item: two spellings of one tag (same key) are one, the first spelling kept. */
export const ZTagList = z
  .array(ZTag)
  .max(TAG_MAX_COUNT, { message: `Au plus ${TAG_MAX_COUNT} étiquettes par courrier.` })
  .transform((tags) => {
    const seen = new Set<string>();
    return tags.filter((t) => {
      const key = tagKey(t);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  });

const editableFields = {
  channel: ZCorrespondenceChannel,
  /** One of the organisation's item types: decides acknowledgement, decision and due date. */
  typeId: ZUuid.nullable().optional(),
  subject: ZText(300),
  body: z.string().trim().max(100_000).optional(),
  /** When the item reached the organisation; now when absent. */
  receivedAt: z.iso.datetime({ offset: true, message: 'Date et heure ISO 8601 attendues.' }).optional(),
  topic: ZOptionalText(120),
  territoryId: ZUuid.nullable().optional(),
  priority: ZCorrespondencePriority.optional(),
  confidentiality: ZConfidentiality.optional(),
  /** People named on the item (user ids): they see it whatever its confidentiality. */
  members: z.array(ZUuid).max(50).optional(),
  /** Free labels for triage and filters (« voirie », « à rappeler »). */
  tags: ZTagList.optional(),
};

export const ZCreateCorrespondence = z.strictObject({
  direction: ZCorrespondenceDirection,
  /** The sender of an incoming item, the recipient of an outgoing one. */
  sender: ZSenderInput,
  ...editableFields,
});
export type TCreateCorrespondence = z.infer<typeof ZCreateCorrespondence>;

/** The fields editable while the item is still `registered` (before routing). */
export const ZUpdateCorrespondence = z
  .strictObject({ ...editableFields, sender: ZSenderInput })
  .partial()
  .refine(nonEmpty, atLeastOne);
export type TUpdateCorrespondence = z.infer<typeof ZUpdateCorrespondence>;

export const ZCorrespondence = z.object({
  id: ZUuid,
  direction: ZCorrespondenceDirection,
  registrationNumber: z.string(),
  year: z.number().int(),
  sequence: z.number().int(),
  channel: ZCorrespondenceChannel,
  typeId: ZUuid.nullable(),
  subject: z.string(),
  body: z.string(),
  receivedAt: z.string(),
  senderContactId: ZUuid.nullable(),
  sender: z.object({
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    address: z.string().nullable(),
  }),
  topic: z.string().nullable(),
  territoryId: ZUuid.nullable(),
  priority: ZCorrespondencePriority,
  confidentiality: ZConfidentiality,
  members: z.array(ZUuid),
  status: ZCorrespondenceStatus,
  /** Due date (processing delay of the type, in working days), in the organisation's calendar. */
  dueDate: z.string().nullable(),
  /** The day silence becomes an implicit decision (requests subject to a decision only). */
  implicitDecisionDate: z.string().nullable(),
  implicitDecisionRule: ZImplicitDecisionRule.nullable(),
  /** Services the item is or was routed to (routing keeps them: they keep sight of it). */
  serviceIds: z.array(ZUuid),
  /** The lead (for action) of the current routing: a service, a person, or both. */
  leadServiceId: ZUuid.nullable(),
  leadUserId: ZUuid.nullable(),
  /** An outgoing reply: the incoming item it answers. */
  inReplyToId: ZUuid.nullable(),
  /** The case (dossier) the item belongs to, once the cases module exists. */
  caseId: ZUuid.nullable(),
  /** Free labels, as first spelt. */
  tags: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  policies: ZPolicies,
});
export type TCorrespondence = z.infer<typeof ZCorrespondence>;

/**
 * An item as a list shows it: the text cut to its opening lines (`excerpt`), since a page of
 * fifty whole letters weighed 77 KB for a table that never shows them; the detail has the text.
 */
export const ZCorrespondenceSummary = ZCorrespondence.omit({ body: true }).extend({
  /** The opening of the text, at most EXCERPT_LENGTH characters, whitespace folded. */
  excerpt: z.string(),
});
export type TCorrespondenceSummary = z.infer<typeof ZCorrespondenceSummary>;
export const EXCERPT_LENGTH = 200;

export const ZCorrespondencePage = z.object({
  data: z.array(ZCorrespondenceSummary),
  nextCursor: z.string().nullable(),
});

export const ZCorrespondenceQuery = ZPageQuery.extend({
  status: ZCorrespondenceStatus.optional(),
  channel: ZCorrespondenceChannel.optional(),
  direction: ZCorrespondenceDirection.optional(),
  typeId: ZUuid.optional(),
  territoryId: ZUuid.optional(),
  /** Received on or after this day (the organisation's calendar day, ISO date). */
  from: z.iso.date({ message: 'Date AAAA-MM-JJ attendue.' }).optional(),
  /** Received on or before this day. */
  to: z.iso.date({ message: 'Date AAAA-MM-JJ attendue.' }).optional(),
  /** Words of the subject, or a registration number (or its start). */
  q: z.string().trim().min(1).max(200).optional(),
  /** A work queue of the actor (mine, my_service, to_review, to_sign, overdue, due_this_week). */
  queue: z.enum(['mine', 'my_service', 'to_review', 'to_sign', 'overdue', 'due_this_week']).optional(),
  /** Routed (now or before) to this service. */
  serviceId: ZUuid.optional(),
  /** Routed (now or before) to this person. */
  userId: ZUuid.optional(),
  topic: z.string().trim().min(1).max(120).optional(),
  /** Carries this tag (any spelling of it). */
  tag: ZTag.optional(),
});
export type TCorrespondenceQuery = z.infer<typeof ZCorrespondenceQuery>;

/** A kind of item of the organisation (courrier simple, demande d'administré…). */
export const ZCorrespondenceItemType = z.object({
  id: ZUuid,
  code: z.string(),
  label: z.string(),
  acknowledgementDue: z.boolean(),
  implicitDecisionRule: ZImplicitDecisionRule.nullable(),
  implicitDecisionMonths: z.number().int(),
  processingWorkingDays: z.number().int().nullable(),
  /** What the caller may do with the type (update, delete). */
  policies: ZPolicies,
});
export type TCorrespondenceItemType = z.infer<typeof ZCorrespondenceItemType>;
export const ZCorrespondenceItemTypePage = z.object({
  data: z.array(ZCorrespondenceItemType),
  nextCursor: z.string().nullable(),
  /** What the caller may do with the list itself (create a type). */
  policies: ZPolicies,
});

/** Tags added to and removed from several items at once (the inbox's bulk action and tag picker). */
export const ZBulkTags = z
  .strictObject({
    itemIds: z.array(ZUuid).min(1, { message: 'Choisissez au moins un courrier.' }).max(200),
    add: ZTagList.default([]),
    remove: ZTagList.default([]),
  })
  .superRefine((v, ctx) => {
    if (v.add.length === 0 && v.remove.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['add'], message: 'Indiquez au moins une étiquette à ajouter ou retirer.' });
    }
  });
export type TBulkTags = z.infer<typeof ZBulkTags>;

/** How many items took the change, and those left as they were (hidden, or not the caller's to tag). */
export const ZBulkTagsResult = z.object({ updated: z.number().int(), skippedIds: z.array(ZUuid) });
export type TBulkTagsResult = z.infer<typeof ZBulkTagsResult>;

export const ZTagSuggestionQuery = z.strictObject({
  /** The start of the tag being typed (any case). */
  q: z.string().trim().max(TAG_MAX_LENGTH).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
/** The organisation's most used tags of late, for the picker's autocomplete. */
export const ZTagSuggestions = z.object({ data: z.array(z.object({ tag: z.string(), count: z.number().int() })) });
export type TTagSuggestions = z.infer<typeof ZTagSuggestions>;

const FORMAT_TOKEN = /\{year\}|\{seq(?::(\d{1,2}))?\}/g;

/** A format's tokens well formed: one `{year}`, one `{seq}` or `{seq:N}` (N ≤ 12), nothing else in braces. */
function formatProblem(format: string): string | null {
  const tokens = format.match(FORMAT_TOKEN) ?? [];
  if (tokens.filter((x) => x === '{year}').length !== 1) return 'Le format doit contenir {year} une fois.';
  const seq = tokens.filter((x) => x.startsWith('{seq'));
  if (seq.length !== 1) return 'Le format doit contenir {seq} ou {seq:6} une fois.';
  if (/[{}]/.test(format.replace(FORMAT_TOKEN, '')))
    return 'Seuls {year}, {seq} et {seq:N} sont permis entre accolades.';
  if (Number(/\{seq:(\d+)\}/.exec(format)?.[1] ?? 0) > 12) return 'Au plus 12 chiffres pour {seq:N}.';
  return null;
}

/**
 * Whether two formats can never give the same number: some position before the sequence (or
 * after it, counted from the end) holds a literal character in both, and they differ. The year
 * always takes four characters; the sequence alone varies in length. With one `{year}` and one
 * `{seq}` each, a format also never gives two sequences the same number.
 */
export function numberFormatsNeverCollide(a: string, b: string): boolean {
  const sides = (f: string) => {
    const [before = '', after = ''] = f.replace(/\{year\}/g, '\u0000'.repeat(4)).split(/\{seq(?::\d{1,2})?\}/);
    return { before, after };
  };
  const differ = (x: string, y: string) =>
    x.length === y.length && [...x].some((c, i) => c !== '\u0000' && y[i] !== '\u0000' && c !== y[i]);
  const sa = sides(a);
  const sb = sides(b);
  return differ(sa.before, sb.before) || differ(sa.after, sb.after);
}

const ZNumberFormat = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .superRefine((v, ctx) => {
    const problem = formatProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/**
 * The organisation's correspondence settings: registration number formats (`{year}-A-{seq:6}`
 * and `{year}-D-{seq:6}` by default), and whether registration itself emails the
 * acknowledgement of a digital item whose type calls for one (on by default; left out of a
 * PUT, it stays as it was).
 */
export const ZNumberingSettings = z
  .strictObject({
    incomingFormat: ZNumberFormat,
    outgoingFormat: ZNumberFormat,
    autoAcknowledge: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    if (formatProblem(v.incomingFormat) || formatProblem(v.outgoingFormat)) return;
    if (!numberFormatsNeverCollide(v.incomingFormat, v.outgoingFormat)) {
      ctx.addIssue({
        code: 'custom',
        path: ['outgoingFormat'],
        message:
          'Les formats arrivée et départ doivent se distinguer par un caractère fixe au même endroit (comme A et D dans 2026-A-000001 et 2026-D-000001).',
      });
    }
  });
export type TNumberingSettings = z.infer<typeof ZNumberingSettings>;
