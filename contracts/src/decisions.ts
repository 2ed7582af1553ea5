import { z } from 'zod';
import { ZConfidentiality, ZPageQuery, ZPolicies, ZUuid } from './common';

// Decisions (arbitrages, issue 6): what the executive or an official decided, on which note or
// case, and the follow-up actions (tasks) until each is done.

const ZText = (max: number) => z.string().trim().min(1).max(max);
const ZIsoDate = z.iso.date({ message: 'Date AAAA-MM-JJ attendue.' });

/** One follow-up action: a task to a service or a person, by a date. */
export const ZCreateDecisionAction = z
  .strictObject({
    title: ZText(300),
    assigneeServiceId: ZUuid.optional(),
    assigneeUserId: ZUuid.optional(),
    dueDate: ZIsoDate,
  })
  .superRefine((v, ctx) => {
    if (Boolean(v.assigneeServiceId) === Boolean(v.assigneeUserId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['assigneeServiceId'],
        message: 'Une action est confiée à un service ou à une personne (un seul).',
      });
    }
  });
export type TCreateDecisionAction = z.infer<typeof ZCreateDecisionAction>;

export const ZCreateDecision = z
  .strictObject({
    title: ZText(4000),
    detail: z.string().trim().max(20_000).optional(),
    /** Who decided: the executive or an official (a user of the organisation). */
    decidedById: ZUuid,
    decidedOn: ZIsoDate,
    noteId: ZUuid.optional(),
    caseId: ZUuid.optional(),
    /** Without a note, the decision's own level (a note's decision copies the note's). */
    confidentiality: ZConfidentiality.optional(),
    members: z.array(ZUuid).max(50).optional(),
    actions: z.array(ZCreateDecisionAction).max(30).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.confidentiality === 'confidential' && (v.members ?? []).length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['members'],
        message: 'Une décision confidentielle nomme au moins une personne.',
      });
    }
  });
export type TCreateDecision = z.infer<typeof ZCreateDecision>;

export const DECISION_VIEWS = ['open', 'overdue', 'all'] as const;
export const ZDecisionQuery = ZPageQuery.extend({ view: z.enum(DECISION_VIEWS).optional() });
export type TDecisionQuery = z.infer<typeof ZDecisionQuery>;

export const ZDecisionItem = z.object({
  id: ZUuid,
  title: z.string(),
  detail: z.string(),
  decidedById: ZUuid.nullable(),
  decidedOn: z.string(),
  noteId: ZUuid.nullable(),
  caseId: ZUuid.nullable(),
  confidentiality: ZConfidentiality,
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  overdue: z.boolean(),
  done: z.boolean(),
  createdAt: z.string(),
  policies: ZPolicies,
});
export type TDecisionItem = z.infer<typeof ZDecisionItem>;
export const ZDecisionPage = z.object({ data: z.array(ZDecisionItem), nextCursor: z.string().nullable() });

export const ZAddDecisionActions = z.strictObject({ actions: z.array(ZCreateDecisionAction).min(1).max(30) });
export type TAddDecisionActions = z.infer<typeof ZAddDecisionActions>;
