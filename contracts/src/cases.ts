import { z } from 'zod';
import { ZConfidentiality, ZPageQuery, ZPolicies, ZUuid } from './common';

// Cases (dossiers, issue 6), first increment: the case, its links, its timeline, escalation
// to the executive and interventions. Notes and decisions plug in through the links.

const ZText = (max: number) => z.string().trim().min(1).max(max);
const ZOptionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const ZIsoDate = z.iso.date({ message: 'Date AAAA-MM-JJ attendue.' });
const atLeastOne = { message: 'Indiquez au moins un champ à modifier.' };
const nonEmpty = (v: object) => Object.keys(v).length > 0;

export const CASE_KINDS = ['constituent_request', 'intervention', 'sensitive_matter', 'project', 'other'] as const;
export const ZCaseKind = z.enum(CASE_KINDS);
export type TCaseKind = z.infer<typeof ZCaseKind>;

export const CASE_STATUSES = ['open', 'in_progress', 'waiting', 'closed'] as const;
export const ZCaseStatus = z.enum(CASE_STATUSES);
export type TCaseStatus = z.infer<typeof ZCaseStatus>;

export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export const ZRiskLevel = z.enum(RISK_LEVELS);
export type TRiskLevel = z.infer<typeof ZRiskLevel>;

/** What came of an official's intervention with another institution. */
export const INTERVENTION_OUTCOMES = ['pending', 'favourable', 'partial', 'unfavourable', 'no_answer'] as const;
export const ZInterventionOutcome = z.enum(INTERVENTION_OUTCOMES);
export type TInterventionOutcome = z.infer<typeof ZInterventionOutcome>;

/**
 * What a case links to. `contact` is the directory; the others are modules' records
 * (correspondence items, tasks, decisions; events and notes join as their modules land).
 */
export const CASE_LINK_KINDS = ['contact', 'correspondence', 'task', 'event', 'note', 'decision'] as const;
export const ZCaseLinkKind = z.enum(CASE_LINK_KINDS);
export type TCaseLinkKind = z.infer<typeof ZCaseLinkKind>;

const ZTopics = z.array(z.string().trim().min(1).max(120)).max(30);
const ZPeople = z.array(ZUuid).max(50);

/** An official acting for a constituent with another institution (kind `intervention` only). */
export const ZInterventionInput = z.strictObject({
  /** The official acting (directory official id). */
  officialId: ZUuid.nullable().optional(),
  /** The institution as a directory contact (social landlord, province, State service)… */
  institutionContactId: ZUuid.nullable().optional(),
  /** …or as free text when it is not in the directory. */
  institutionName: ZOptionalText(200),
  date: ZIsoDate.nullable().optional(),
  object: ZOptionalText(2000),
  answer: ZOptionalText(4000),
  outcome: ZInterventionOutcome.optional(),
});
export type TInterventionInput = z.infer<typeof ZInterventionInput>;

const editableFields = {
  title: ZText(300),
  summary: z.string().trim().max(20_000).optional(),
  status: ZCaseStatus.optional(),
  /** The user in charge; the creator when absent. */
  ownerId: ZUuid.nullable().optional(),
  /** Users working on the case: they see it whatever its confidentiality. */
  team: ZPeople.optional(),
  confidentiality: ZConfidentiality,
  /** People named on the case (user ids): required for a confidential case; the creator is always one. */
  members: ZPeople.optional(),
  territoryId: ZUuid.nullable().optional(),
  topics: ZTopics.optional(),
  riskLevel: ZRiskLevel.optional(),
  dueDate: ZIsoDate.nullable().optional(),
  intervention: ZInterventionInput.optional(),
};

export const ZCreateCase = z
  .strictObject({ kind: ZCaseKind, ...editableFields, status: ZCaseStatus.exclude(['closed']).optional() })
  .superRefine((v, ctx) => {
    if (v.confidentiality === 'confidential' && (v.members ?? []).length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['members'],
        message: 'Un dossier confidentiel nomme au moins une personne habilitée.',
      });
    }
    if (v.intervention && v.kind !== 'intervention') {
      ctx.addIssue({
        code: 'custom',
        path: ['intervention'],
        message: 'Seul un dossier de type intervention décrit une intervention.',
      });
    }
  });
export type TCreateCase = z.infer<typeof ZCreateCase>;

/** Closing goes through POST /:id/close (it says why); the rest is edited here. */
export const ZUpdateCase = z
  .strictObject({ ...editableFields, status: ZCaseStatus.exclude(['closed']) })
  .partial()
  .refine(nonEmpty, atLeastOne);
export type TUpdateCase = z.infer<typeof ZUpdateCase>;

export const ZCloseCase = z.strictObject({
  /** What was done, in a sentence (kept in the timeline). */
  outcome: z.string().trim().max(2000).optional(),
});
export type TCloseCase = z.infer<typeof ZCloseCase>;

/** « Alerter le maire »: a short note that puts the case in the executive's alert feed. */
export const ZEscalateCase = z.strictObject({ note: ZText(1000) });
export type TEscalateCase = z.infer<typeof ZEscalateCase>;

export const ZIntervention = z.object({
  officialId: ZUuid.nullable(),
  institutionContactId: ZUuid.nullable(),
  institutionName: z.string().nullable(),
  date: z.string().nullable(),
  object: z.string().nullable(),
  answer: z.string().nullable(),
  outcome: ZInterventionOutcome,
});
export type TIntervention = z.infer<typeof ZIntervention>;

export const ZCase = z.object({
  id: ZUuid,
  kind: ZCaseKind,
  title: z.string(),
  summary: z.string(),
  status: ZCaseStatus,
  ownerId: ZUuid.nullable(),
  team: z.array(ZUuid),
  confidentiality: ZConfidentiality,
  members: z.array(ZUuid),
  territoryId: ZUuid.nullable(),
  topics: z.array(z.string()),
  riskLevel: ZRiskLevel,
  dueDate: z.string().nullable(),
  escalation: z.object({ at: z.string(), byId: ZUuid.nullable(), note: z.string() }).nullable(),
  intervention: ZIntervention.nullable(),
  createdById: ZUuid.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  policies: ZPolicies,
});
export type TCase = z.infer<typeof ZCase>;

export const ZCasePage = z.object({ data: z.array(ZCase), nextCursor: z.string().nullable() });

const caseFilters = {
  status: ZCaseStatus.optional(),
  kind: ZCaseKind.optional(),
  ownerId: ZUuid.optional(),
  territoryId: ZUuid.optional(),
  topic: z.string().trim().min(1).max(120).optional(),
  riskLevel: ZRiskLevel.optional(),
};

export const ZCaseQuery = ZPageQuery.extend(caseFilters);
export type TCaseQuery = z.infer<typeof ZCaseQuery>;

/** The CSV export takes the list's filters and reads every page itself. */
export const ZCaseExportQuery = z.strictObject(caseFilters);
export type TCaseExportQuery = z.infer<typeof ZCaseExportQuery>;

export const ZCreateCaseLink = z.strictObject({ kind: ZCaseLinkKind, recordId: ZUuid });
export type TCreateCaseLink = z.infer<typeof ZCreateCaseLink>;

export const ZCaseLink = z.object({
  id: ZUuid,
  kind: ZCaseLinkKind,
  recordId: ZUuid,
  /** The linked record's title, or null when the actor may not see that record. */
  title: z.string().nullable(),
  url: z.string().nullable(),
  createdAt: z.string(),
  policies: ZPolicies,
});
export type TCaseLink = z.infer<typeof ZCaseLink>;

export const ZCaseLinkParams = z.strictObject({ id: ZUuid, linkId: ZUuid });

export const ZCaseLinkPage = z.object({ data: z.array(ZCaseLink), nextCursor: z.string().nullable() });

export const ZCaseLinkQuery = ZPageQuery.extend({ kind: ZCaseLinkKind.optional() });

export const ZCaseTimelineEntry = z.object({
  /** `link:<id>` or `audit:<id>`: unique, the tie-break of the order. */
  id: z.string(),
  at: z.string(),
  type: z.enum(['link', 'change']),
  /** The audit action (`case.update`, `case.escalate`…) or the link's kind. */
  action: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  url: z.string().nullable(),
  actorName: z.string().nullable(),
});
export type TCaseTimelineEntry = z.infer<typeof ZCaseTimelineEntry>;

export const ZCaseTimelinePage = z.object({ data: z.array(ZCaseTimelineEntry), nextCursor: z.string().nullable() });

export const ZInterventionReportQuery = z.strictObject({
  from: ZIsoDate,
  to: ZIsoDate,
  by: z.enum(['official', 'institution']),
});
export type TInterventionReportQuery = z.infer<typeof ZInterventionReportQuery>;

export const ZInterventionReportRow = z.object({
  /** The official's or institution contact's id; null for a free-text institution or none given. */
  id: ZUuid.nullable(),
  label: z.string(),
  total: z.number().int(),
  outcomes: z.record(ZInterventionOutcome, z.number().int()),
});
export type TInterventionReportRow = z.infer<typeof ZInterventionReportRow>;

export const ZInterventionReport = z.object({
  from: z.string(),
  to: z.string(),
  by: z.enum(['official', 'institution']),
  rows: z.array(ZInterventionReportRow),
});
export type TInterventionReport = z.infer<typeof ZInterventionReport>;
