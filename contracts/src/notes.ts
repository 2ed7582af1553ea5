import { z } from 'zod';
import { ZConfidentiality, ZPageQuery, ZPolicies, ZUuid } from './common';
import { ZCreateDecisionAction } from './decisions';

// Notes (issue 6, second increment): written advice to the executive or an official, its
// circuit, versions, contributions from services and the addressee's reading folder.

const ZText = (max: number) => z.string().trim().min(1).max(max);
const ZIsoDate = z.iso.date({ message: 'Date AAAA-MM-JJ attendue.' });
const atLeastOne = { message: 'Indiquez au moins un champ à modifier.' };
const nonEmpty = (v: object) => Object.keys(v).length > 0;
/** Rich text from the editor: sanitised to the letter subset by the server. */
const ZHtml = z.string().max(200_000);

export const NOTE_KINDS = [
  'note_to_executive',
  'briefing',
  'speech',
  'talking_points',
  'press_elements',
  'meeting_minutes',
] as const;
export const ZNoteKind = z.enum(NOTE_KINDS);
export type TNoteKind = z.infer<typeof ZNoteKind>;

/** The circuit: draft → in_review → validated → transmitted → read → answered. */
export const NOTE_STATUSES = ['draft', 'in_review', 'validated', 'transmitted', 'read', 'answered'] as const;
export const ZNoteStatus = z.enum(NOTE_STATUSES);
export type TNoteStatus = z.infer<typeof ZNoteStatus>;

export const CONTRIBUTION_STATUSES = ['requested', 'submitted', 'merged'] as const;
export const ZContributionStatus = z.enum(CONTRIBUTION_STATUSES);
export type TContributionStatus = z.infer<typeof ZContributionStatus>;

export const ZCreateNote = z
  .strictObject({
    kind: ZNoteKind,
    title: ZText(300),
    /** The executive or an official (a user of the organisation). */
    addresseeId: ZUuid,
    bodyHtml: ZHtml.optional(),
    confidentiality: ZConfidentiality,
    /** People named on the note: required for a confidential note; the author always is one. */
    members: z.array(ZUuid).max(50).optional(),
    /** A case the note belongs to (a `note` link on the case). */
    caseId: ZUuid.optional(),
    /** Starts from one of the organisation's templates. */
    templateId: ZUuid.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.confidentiality === 'confidential' && (v.members ?? []).length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['members'],
        message: 'Une note confidentielle nomme au moins une personne.',
      });
    }
  });
export type TCreateNote = z.infer<typeof ZCreateNote>;

export const ZUpdateNote = z
  .strictObject({
    title: ZText(300),
    bodyHtml: ZHtml,
    addresseeId: ZUuid,
    confidentiality: ZConfidentiality,
    members: z.array(ZUuid).max(50),
  })
  .partial()
  .refine(nonEmpty, atLeastOne);
export type TUpdateNote = z.infer<typeof ZUpdateNote>;

export const NOTE_TRANSITIONS = ['submit', 'return', 'validate', 'transmit'] as const;
export const ZNoteTransition = z.enum(NOTE_TRANSITIONS);
export type TNoteTransition = z.infer<typeof ZNoteTransition>;

/** A transition: a return to the author carries why. */
export const ZTransitionNote = z
  .strictObject({ action: ZNoteTransition, comment: z.string().trim().max(4000).optional() })
  .superRefine((v, ctx) => {
    if (v.action === 'return' && !v.comment) {
      ctx.addIssue({ code: 'custom', path: ['comment'], message: 'Dites pourquoi la note est renvoyée.' });
    }
  });
export type TTransitionNote = z.infer<typeof ZTransitionNote>;

export const ZNote = z.object({
  id: ZUuid,
  kind: ZNoteKind,
  title: z.string(),
  addresseeId: ZUuid.nullable(),
  authorId: ZUuid.nullable(),
  bodyHtml: z.string(),
  status: ZNoteStatus,
  confidentiality: ZConfidentiality,
  members: z.array(ZUuid),
  caseId: ZUuid.nullable(),
  version: z.number().int(),
  returnComment: z.string().nullable(),
  transmittedAt: z.string().nullable(),
  readAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  decisionId: ZUuid.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  policies: ZPolicies,
});
export type TNote = z.infer<typeof ZNote>;

/** `mine`: the notes the actor is named on (author, addressee, members); `addressed`: addressed to the actor. */
export const NOTE_VIEWS = ['all', 'mine', 'addressed'] as const;
export const ZNoteQuery = ZPageQuery.extend({
  status: ZNoteStatus.optional(),
  kind: ZNoteKind.optional(),
  view: z.enum(NOTE_VIEWS).optional(),
});
export type TNoteQuery = z.infer<typeof ZNoteQuery>;
export const ZNotePage = z.object({ data: z.array(ZNote), nextCursor: z.string().nullable() });

export const ZNoteVersion = z.object({
  number: z.number().int(),
  authorId: ZUuid.nullable(),
  bodyHtml: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TNoteVersion = z.infer<typeof ZNoteVersion>;
export const ZNoteVersionPage = z.object({ data: z.array(ZNoteVersion), nextCursor: z.string().nullable() });

export const ZNoteVersionParams = z.strictObject({ id: ZUuid, v: z.coerce.number().int().min(1) });
export const ZNoteDiffQuery = z.strictObject({ against: z.coerce.number().int().min(1) });
/** A word-level diff of the text of two versions, for the web to colour. */
export const ZNoteDiff = z.object({
  from: z.number().int(),
  to: z.number().int(),
  parts: z.array(z.object({ value: z.string(), added: z.boolean(), removed: z.boolean() })),
});
export type TNoteDiff = z.infer<typeof ZNoteDiff>;

export const ZCreateContribution = z
  .strictObject({
    /** A service of the directory (its services users contribute)… */
    serviceId: ZUuid.optional(),
    /** …or one user. */
    userId: ZUuid.optional(),
    question: ZText(4000),
    dueDate: ZIsoDate,
  })
  .superRefine((v, ctx) => {
    if (Boolean(v.serviceId) === Boolean(v.userId)) {
      ctx.addIssue({ code: 'custom', path: ['serviceId'], message: 'Indiquez un service ou une personne (un seul).' });
    }
  });
export type TCreateContribution = z.infer<typeof ZCreateContribution>;

export const ZWriteContribution = z.strictObject({ bodyHtml: ZHtml, submit: z.boolean().optional() });
export type TWriteContribution = z.infer<typeof ZWriteContribution>;

export const ZContributionParams = z.strictObject({ id: ZUuid, cid: ZUuid });

/** A section to fill: the contributor sees it and the note's title only. */
export const ZContribution = z.object({
  id: ZUuid,
  noteId: ZUuid,
  noteTitle: z.string(),
  serviceId: ZUuid.nullable(),
  userId: ZUuid.nullable(),
  question: z.string(),
  dueDate: z.string(),
  bodyHtml: z.string(),
  status: ZContributionStatus,
  taskId: ZUuid.nullable(),
  submittedAt: z.string().nullable(),
  mergedAt: z.string().nullable(),
  policies: ZPolicies,
});
export type TContribution = z.infer<typeof ZContribution>;
export const ZContributionList = z.object({ data: z.array(ZContribution) });

export const ZCreateAnnotation = z.strictObject({
  /** The words of the note the comment is about. */
  quote: ZText(2000),
  comment: ZText(4000),
});
export type TCreateAnnotation = z.infer<typeof ZCreateAnnotation>;
export const ZAnnotation = z.object({
  id: ZUuid,
  noteId: ZUuid,
  quote: z.string(),
  comment: z.string(),
  authorId: ZUuid.nullable(),
  createdAt: z.string(),
});
export type TAnnotation = z.infer<typeof ZAnnotation>;
export const ZAnnotationList = z.object({ data: z.array(ZAnnotation), nextCursor: z.string().nullable() });

/** The addressee answers with a decision (and the actions that follow it). */
export const ZAnswerNote = z.strictObject({
  decision: ZText(4000),
  detail: z.string().trim().max(20_000).optional(),
  actions: z.array(ZCreateDecisionAction).max(30).optional(),
});
export type TAnswerNote = z.infer<typeof ZAnswerNote>;

export const ZReadingFolderQuery = ZPageQuery;

export const ZNoteTemplateInput = z.strictObject({
  name: ZText(200),
  kind: ZNoteKind.nullable().optional(),
  bodyHtml: ZHtml,
});
export type TNoteTemplateInput = z.infer<typeof ZNoteTemplateInput>;
export const ZUpdateNoteTemplate = z
  .strictObject({ name: ZText(200), kind: ZNoteKind.nullable(), bodyHtml: ZHtml })
  .partial()
  .refine(nonEmpty, atLeastOne);
export type TUpdateNoteTemplate = z.infer<typeof ZUpdateNoteTemplate>;
export const ZNoteTemplate = z.object({
  id: ZUuid,
  name: z.string(),
  kind: ZNoteKind.nullable(),
  bodyHtml: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  policies: ZPolicies,
});
export type TNoteTemplate = z.infer<typeof ZNoteTemplate>;
export const ZNoteTemplatePage = z.object({ data: z.array(ZNoteTemplate), nextCursor: z.string().nullable() });

export const ZNoteExportQuery = z.strictObject({ format: z.enum(['docx', 'odt', 'pdf']) });
