import { z } from 'zod';
import { ZPageQuery, ZPolicies, ZUuid } from './common';

// Relations between contacts, likely duplicates, merge (and its undo), and the 360° timeline
// of a contact (issue 3).

// ---------------------------------------------------------------- relations

/** The relations a cabinet records; each has an inverse wording in the web (« emploie »). */
export const RELATION_KINDS = [
  'works_for',
  'member_of',
  'chairs',
  'spouse_of',
  'parent_of',
  'represents',
  'advisor_to',
  'other',
] as const;
export const ZRelationKind = z.enum(RELATION_KINDS);
export type TRelationKind = z.infer<typeof ZRelationKind>;

/** Kinds that read the same from both sides: A spouse of B is B spouse of A. */
export const SYMMETRIC_RELATION_KINDS: readonly TRelationKind[] = ['spouse_of'];

/** From the page's contact: `outgoing` = it is the subject (« travaille pour »), `incoming` = the object (« emploie »). */
export const ZRelationDirection = z.enum(['outgoing', 'incoming']);
export type TRelationDirection = z.infer<typeof ZRelationDirection>;

const ZLabel = z.string().trim().min(1).max(120).nullable().optional();
const ZDate = z.iso.date().nullable().optional();

const datesInOrder = (v: { startDate?: string | null | undefined; endDate?: string | null | undefined }) =>
  !v.startDate || !v.endDate || v.startDate <= v.endDate;
const datesMessage = { message: 'La date de fin précède la date de début.', path: ['endDate'] };

export const ZCreateRelation = z
  .strictObject({
    otherContactId: ZUuid,
    kind: ZRelationKind,
    direction: ZRelationDirection.default('outgoing'),
    /** The role within the relation (« trésorier ») or, for `other`, the relation itself. */
    label: ZLabel,
    startDate: ZDate,
    endDate: ZDate,
  })
  .refine(datesInOrder, datesMessage)
  .refine((v) => v.kind !== 'other' || !!v.label, {
    message: 'Précisez la nature de la relation.',
    path: ['label'],
  });
export type TCreateRelation = z.infer<typeof ZCreateRelation>;

export const ZUpdateRelation = z
  .strictObject({ kind: ZRelationKind, label: ZLabel, startDate: ZDate, endDate: ZDate })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'Indiquez au moins un champ à modifier.' })
  .refine(datesInOrder, datesMessage);
export type TUpdateRelation = z.infer<typeof ZUpdateRelation>;

export const ZRelationParams = z.strictObject({ id: ZUuid, relationId: ZUuid });

const ZContactRef = z.object({ id: ZUuid, displayName: z.string(), kind: z.enum(['person', 'organisation']) });
export type TContactRef = z.infer<typeof ZContactRef>;

/** A relation as read from one contact's page. */
export const ZRelation = z.object({
  id: ZUuid,
  kind: ZRelationKind,
  direction: ZRelationDirection,
  other: ZContactRef,
  label: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  policies: ZPolicies,
});
export type TRelation = z.infer<typeof ZRelation>;
export const ZRelationPage = z.object({ data: z.array(ZRelation), nextCursor: z.string().nullable() });

// ---------------------------------------------------------------- duplicates

export const DUPLICATE_REASONS = ['name', 'email', 'phone', 'address'] as const;
export const ZDuplicateReason = z.enum(DUPLICATE_REASONS);
export type TDuplicateReason = z.infer<typeof ZDuplicateReason>;

/** A likely duplicate pair: a score out of 100 and why. */
export const ZDuplicatePair = z.object({
  contact: ZContactRef,
  duplicate: ZContactRef,
  score: z.number().int(),
  reasons: z.array(ZDuplicateReason),
  policies: ZPolicies,
});
export type TDuplicatePair = z.infer<typeof ZDuplicatePair>;
export const ZDuplicatePage = z.object({ data: z.array(ZDuplicatePair), nextCursor: z.string().nullable() });

export const ZDuplicateQuery = ZPageQuery;

export const ZDismissDuplicate = z.strictObject({ duplicateId: ZUuid });
export type TDismissDuplicate = z.infer<typeof ZDismissDuplicate>;

// ---------------------------------------------------------------- merge

/** Fields whose value the user chooses when the two contacts differ. */
export const MERGE_FIELDS = [
  'civility',
  'firstName',
  'lastName',
  'name',
  'orgType',
  'formOfAddress',
  'jobTitle',
  'employer',
  'territoryId',
  'notes',
  'source',
  'consent',
  'confidentiality',
] as const;
export const ZMergeField = z.enum(MERGE_FIELDS);
export type TMergeField = z.infer<typeof ZMergeField>;

export const ZMergeContacts = z.strictObject({
  duplicateId: ZUuid,
  /** Per differing field, whose value stays; a field left out keeps the kept contact's value. */
  keep: z.partialRecord(ZMergeField, z.enum(['kept', 'duplicate'])).default({}),
});
export type TMergeContacts = z.infer<typeof ZMergeContacts>;

export const ZMergeResult = z.object({
  keptId: ZUuid,
  duplicateId: ZUuid,
  /** The audit row of the merge: what the undo route takes. */
  auditId: ZUuid,
  /** Linked records moved onto the kept contact, per kind of link. */
  moved: z.record(z.string(), z.number().int()),
});
export type TMergeResult = z.infer<typeof ZMergeResult>;

export const ZMergeUndoParams = z.strictObject({ id: ZUuid, auditId: ZUuid });

export const ZMergeUndoResult = z.object({ keptId: ZUuid, duplicateId: ZUuid, auditId: ZUuid });
export type TMergeUndoResult = z.infer<typeof ZMergeUndoResult>;

// ---------------------------------------------------------------- timeline

export const ZTimelineQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(500).optional(),
});
export type TTimelineQuery = z.infer<typeof ZTimelineQuery>;

/** One event of the 360° page, whatever module it comes from. */
export const ZTimelineEntry = z.object({
  /** Unique across sources: `<kind>:<record id>[:<suffix>]`. */
  id: z.string(),
  at: z.string(),
  /** The source: `audit`, `mandate`, later `correspondence`, `agenda`, `case`… */
  kind: z.string(),
  title: z.string(),
  summary: z.string().nullable(),
  link: z.string().nullable(),
  actorName: z.string().nullable(),
  /** Set on a merge that can still be undone: the audit id the undo route takes. */
  undoMergeAuditId: z.string().nullable(),
});
export type TTimelineEntry = z.infer<typeof ZTimelineEntry>;
export const ZTimelinePage = z.object({ data: z.array(ZTimelineEntry), nextCursor: z.string().nullable() });
