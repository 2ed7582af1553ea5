import { z } from 'zod';
import { ZUuid } from './common';
import { ZCorrespondence, ZCorrespondenceStatus } from './correspondence';

// Correspondence (issue 4), second increment: routing (imputation) and the processing circuit.

const ZText = (max: number) => z.string().trim().min(1).max(max);
const ZComment = z.string().trim().max(2000);

/** For action (the lead, exactly one) or for information. */
export const ROUTING_MODES = ['action', 'information'] as const;
export const ZRoutingMode = z.enum(ROUTING_MODES);
export type TRoutingMode = z.infer<typeof ZRoutingMode>;

/** A service, a person, or a person within a service. */
export const ZRouteAssignment = z
  .strictObject({ serviceId: ZUuid.optional(), userId: ZUuid.optional(), mode: ZRoutingMode })
  .refine((a) => a.serviceId !== undefined || a.userId !== undefined, {
    message: 'Indiquez un service ou une personne.',
    path: ['serviceId'],
  });
export type TRouteAssignment = z.infer<typeof ZRouteAssignment>;

/** `POST /api/v1/correspondence/:id/route`: replaces the current routing; the history stays. */
export const ZRouteCorrespondence = z
  .strictObject({ assignments: z.array(ZRouteAssignment).min(1).max(20), comment: ZComment.optional() })
  .superRefine((v, ctx) => {
    if (v.assignments.filter((a) => a.mode === 'action').length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['assignments'],
        message:
          'Une seule imputation « pour action » est attendue (le pilote) ; les autres sont « pour information ».',
      });
    }
  });
export type TRouteCorrespondence = z.infer<typeof ZRouteCorrespondence>;

/** One routing line, current (`endedAt` null) or past. */
export const ZRouting = z.object({
  id: ZUuid,
  serviceId: ZUuid.nullable(),
  serviceName: z.string().nullable(),
  userId: ZUuid.nullable(),
  userName: z.string().nullable(),
  mode: ZRoutingMode,
  comment: z.string().nullable(),
  routedById: ZUuid.nullable(),
  routedByName: z.string().nullable(),
  routedAt: z.string(),
  endedAt: z.string().nullable(),
});
export type TRouting = z.infer<typeof ZRouting>;

/** Why the suggestion names these assignments. */
export const ROUTING_SUGGESTION_SOURCES = ['topic', 'sender_history', 'type_history', 'none'] as const;
export const ZRoutingSuggestionSource = z.enum(ROUTING_SUGGESTION_SOURCES);

/** `GET /api/v1/correspondence/:id/routing-suggestion`, also `suggestion` on the item's detail. */
export const ZRoutingSuggestion = z.object({
  source: ZRoutingSuggestionSource,
  /** French sentence saying why (« Thème « voirie » : services compétents »). */
  explanation: z.string(),
  /** Ready to post to `/route` as is: the first is for action. Empty when nothing is known. */
  assignments: z.array(
    z.object({
      serviceId: ZUuid.nullable(),
      userId: ZUuid.nullable(),
      mode: ZRoutingMode,
      /** The service's or the person's name. */
      label: z.string(),
    }),
  ),
  /** Officials whose portfolio holds the item's topic (they see the item; shown for information). */
  officials: z.array(z.object({ officialId: ZUuid, userId: ZUuid.nullable(), name: z.string() })),
});
export type TRoutingSuggestion = z.infer<typeof ZRoutingSuggestion>;

export const ZRoutingHistory = z.object({ data: z.array(ZRouting) });

/** `POST /:id/wait`: waiting for information from the writer or another party. */
export const ZWaitCorrespondence = z.strictObject({ comment: ZText(2000) });

/**
 * `POST /:id/forward`: sent on to the competent authority (CRPA L.114-2). Two letters are
 * registered as outgoing items: the cover letter to the authority (with the request), and
 * the transmission letter telling the writer; each is emailed when an address allows.
 */
export const ZForwardCorrespondence = z.strictObject({
  /** The competent authority's name (« Préfecture de la Nouvelle-Calédonie »). */
  authority: ZText(300),
  /** The authority in the directory (a person or an organisation): its address and email fill what is left empty. */
  authorityContactId: ZUuid.optional(),
  authorityEmail: z.email({ message: 'L’adresse électronique est invalide.' }).max(254).optional(),
  /** The postal address, lines separated by line breaks or commas. */
  authorityAddress: z.string().trim().max(500).optional(),
  /** Said to the authority in the cover letter (why it is competent, what is asked). */
  comment: ZComment.optional(),
});
export type TForwardCorrespondence = z.infer<typeof ZForwardCorrespondence>;

/** Who a forwarding letter is for: the writer (transmission letter) or the authority (cover letter). */
export const FORWARD_LETTER_RECIPIENTS = ['writer', 'authority'] as const;

/** `GET /:id/forward/letter`: one of the two letters of a forwarded item, as DOCX, ODT or PDF. */
export const ZForwardLetterQuery = z.strictObject({
  to: z.enum(FORWARD_LETTER_RECIPIENTS),
  format: z.enum(['docx', 'odt', 'pdf']).default('pdf'),
});
export type TForwardLetterQuery = z.infer<typeof ZForwardLetterQuery>;

/** `POST /:id/close`: after sending, or without reply with its reason. */
export const ZCloseCorrespondence = z
  .strictObject({ withoutReply: z.boolean().optional(), reason: ZComment.optional() })
  .superRefine((v, ctx) => {
    if (v.withoutReply && !v.reason) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'Indiquez pourquoi le courrier est clos sans réponse.',
      });
    }
  });
export type TCloseCorrespondence = z.infer<typeof ZCloseCorrespondence>;

/** Fields a reply template or a draft may hold as `{{field}}` (replaced when applied). */
export const REPLY_MERGE_FIELDS = [
  'sender.name',
  'sender.address',
  'item.registrationNumber',
  'item.subject',
  'item.receivedDate',
  'organisation.name',
  'today',
] as const;

/** `PUT /:id/reply`: writes the draft; a template fills what is absent. */
export const ZSaveReply = z
  .strictObject({
    templateId: ZUuid.optional(),
    subject: ZText(300).optional(),
    /** Rich text (HTML from the editor): kept to a safe subset of tags. */
    bodyHtml: z.string().trim().min(1).max(200_000).optional(),
    /** The writer by default (name, email, address of the incoming item). */
    recipient: z
      .strictObject({
        name: ZText(200),
        email: z.email({ message: 'L’adresse électronique est invalide.' }).max(254).nullable().optional(),
        address: z.string().trim().max(500).nullable().optional(),
      })
      .optional(),
  })
  .refine((v) => v.templateId !== undefined || v.bodyHtml !== undefined, {
    message: 'Indiquez le texte de la réponse ou un modèle.',
    path: ['bodyHtml'],
  });
export type TSaveReply = z.infer<typeof ZSaveReply>;

export const REVIEW_ORDERS = ['sequential', 'parallel'] as const;

/** `POST /:id/submit-review`: one or more reviewers (visa), one after the other or all at once. */
export const ZSubmitReview = z
  .strictObject({ reviewerIds: z.array(ZUuid).min(1).max(10), order: z.enum(REVIEW_ORDERS).default('sequential') })
  .refine((v) => new Set(v.reviewerIds).size === v.reviewerIds.length, {
    message: 'Un même relecteur est indiqué deux fois.',
    path: ['reviewerIds'],
  });
export type TSubmitReview = z.infer<typeof ZSubmitReview>;

export const ZDecision = z.enum(['approve', 'return']);
const returnNeedsComment = (v: { decision: string; comment?: string | undefined }, ctx: z.RefinementCtx) => {
  if (v.decision === 'return' && !v.comment) {
    ctx.addIssue({ code: 'custom', path: ['comment'], message: 'Dites ce qui doit être repris.' });
  }
};

/** `POST /:id/review` (visa) and `POST /:id/sign` (signature book). A return needs its comment. */
export const ZDecide = z
  .strictObject({ decision: ZDecision, comment: ZComment.optional() })
  .superRefine(returnNeedsComment);
export type TDecide = z.infer<typeof ZDecide>;

/** `POST /api/v1/correspondence/sign-batch`. */
export const ZSignBatch = z
  .strictObject({ ids: z.array(ZUuid).min(1).max(100), decision: ZDecision, comment: ZComment.optional() })
  .superRefine(returnNeedsComment);
export type TSignBatch = z.infer<typeof ZSignBatch>;

/** Each item of a batch: signed (or returned), or why not (another hand got there first…). */
export const ZSignBatchResult = z.object({
  results: z.array(
    z.object({ id: ZUuid, ok: z.boolean(), status: ZCorrespondenceStatus.nullable(), detail: z.string().nullable() }),
  ),
});

export const SEND_METHODS = ['email', 'post'] as const;
/** `POST /:id/send`: registers the outgoing item and sends it (email) or prints it (post). */
export const ZSendReply = z.strictObject({ method: z.enum(SEND_METHODS) });
export type TSendReply = z.infer<typeof ZSendReply>;

export const LETTER_FORMATS = ['pdf', 'docx', 'odt'] as const;
export const ZLetterQuery = z.strictObject({ format: z.enum(LETTER_FORMATS).default('pdf') });

/** One step of the circuit: a visa or the signature, waiting or decided. */
export const ZReplyApproval = z.object({
  id: ZUuid,
  kind: z.enum(['review', 'signature']),
  userId: ZUuid.nullable(),
  userName: z.string().nullable(),
  position: z.number().int(),
  decision: ZDecision.nullable(),
  comment: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** Submissions count from 1; past rounds stay visible (returned drafts). */
  round: z.number().int(),
});

/** The draft reply of an incoming item, and where it is in the circuit. */
export const ZReply = z.object({
  id: ZUuid,
  itemId: ZUuid,
  subject: z.string(),
  bodyHtml: z.string(),
  recipient: z.object({ name: z.string(), email: z.string().nullable(), address: z.string().nullable() }),
  reviewOrder: z.enum(REVIEW_ORDERS),
  /** The comment of the last return (visa or signature), shown on the draft until resubmitted. */
  returnComment: z.string().nullable(),
  round: z.number().int(),
  approvals: z.array(ZReplyApproval),
  outgoingItemId: ZUuid.nullable(),
  outgoingRegistrationNumber: z.string().nullable(),
  sendMethod: z.enum(SEND_METHODS).nullable(),
  sentAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type TReply = z.infer<typeof ZReply>;

/** `GET /api/v1/correspondence/:id`: the item, its routing, its suggestion and its reply. */
export const ZCorrespondenceDetail = ZCorrespondence.extend({
  routings: z.array(ZRouting),
  /** Null once routed, or for an outgoing item. */
  suggestion: ZRoutingSuggestion.nullable(),
  reply: ZReply.nullable(),
});
export type TCorrespondenceDetail = z.infer<typeof ZCorrespondenceDetail>;

/** The queues of `GET /api/v1/correspondence?queue=`. */
export const CORRESPONDENCE_QUEUES = [
  'mine',
  'my_service',
  'to_review',
  'to_sign',
  'overdue',
  'due_this_week',
] as const;
export const ZCorrespondenceQueue = z.enum(CORRESPONDENCE_QUEUES);
export type TCorrespondenceQueue = z.infer<typeof ZCorrespondenceQueue>;

/** `GET /api/v1/correspondence/queues`: how many items wait in each queue for the actor. */
export const ZQueueCounts = z.object({
  mine: z.number().int(),
  my_service: z.number().int(),
  to_review: z.number().int(),
  to_sign: z.number().int(),
  overdue: z.number().int(),
  due_this_week: z.number().int(),
});
export type TQueueCounts = z.infer<typeof ZQueueCounts>;

/** Reply templates of the organisation, with `{{merge fields}}`. */
export const ZReplyTemplate = z.object({
  id: ZUuid,
  name: z.string(),
  subject: z.string(),
  bodyHtml: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  policies: z.record(z.string(), z.boolean()),
});
export type TReplyTemplate = z.infer<typeof ZReplyTemplate>;
export const ZReplyTemplatePage = z.object({ data: z.array(ZReplyTemplate), nextCursor: z.string().nullable() });

export const ZCreateReplyTemplate = z.strictObject({
  name: ZText(120),
  subject: ZText(300),
  bodyHtml: z.string().trim().min(1).max(200_000),
});
export type TCreateReplyTemplate = z.infer<typeof ZCreateReplyTemplate>;
export const ZUpdateReplyTemplate = ZCreateReplyTemplate.partial().refine((v) => Object.keys(v).length > 0, {
  message: 'Indiquez au moins un champ à modifier.',
});
export type TUpdateReplyTemplate = z.infer<typeof ZUpdateReplyTemplate>;
