import { z } from 'zod';
import { page, ZPolicies, ZUuid } from './common';

// Acknowledgements of incoming requests (issue 4, CRPA L.112-3, R.112-5, L.112-11).

/** By email (digital channels), or as a printed letter handed or posted. */
export const ACK_CHANNELS = ['email', 'letter'] as const;
export const ZAckChannel = z.enum(ACK_CHANNELS);
export type TAckChannel = z.infer<typeof ZAckChannel>;

export const ACK_TEMPLATE_KINDS = ['acknowledgement'] as const;

export const ACK_FORMATS = ['docx', 'odt', 'pdf'] as const;

/** The merge fields a template may use, written `{{sender.name}}`. */
export const ACK_MERGE_FIELDS = [
  'sender.name',
  'item.number',
  'item.receivedDate',
  'item.subject',
  'item.dueDate',
  'service.name',
  'service.email',
  'service.phone',
  'service.address',
  /** "Adresse : …, courriel : …, téléphone : …": whichever the service has. */
  'service.contacts',
  'implicitDecision.date',
  /** acceptation / rejet */
  'implicitDecision.outcome',
  /** "décision implicite d’acceptation" / "décision implicite de rejet" */
  'implicitDecision.meaning',
  'appeal.routes',
  'organisation.name',
  'organisation.address',
  'executive.name',
  'executive.title',
  'today',
] as const;
export type TAckMergeField = (typeof ACK_MERGE_FIELDS)[number];

/**
 * Sections shown only when they apply, written `{{#implicitRejection}}…{{/implicitRejection}}`:
 * a request subject to a decision, and what silence becomes.
 */
export const ACK_MERGE_SECTIONS = ['implicitDecision', 'implicitAcceptance', 'implicitRejection'] as const;
export type TAckMergeSection = (typeof ACK_MERGE_SECTIONS)[number];

const ZText = (max: number) => z.string().trim().min(1).max(max);
const ZOptionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const ZAckTemplate = z.object({
  id: ZUuid,
  name: z.string(),
  kind: z.enum(ACK_TEMPLATE_KINDS),
  subject: z.string(),
  bodyHtml: z.string(),
  isDefault: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  policies: ZPolicies,
});
export type TAckTemplate = z.infer<typeof ZAckTemplate>;
export const ZAckTemplatePage = page(ZAckTemplate);

export const ZCreateAckTemplate = z.strictObject({
  name: ZText(120),
  subject: ZText(300),
  bodyHtml: ZText(50_000),
  /** The new template becomes the one acknowledgements use. */
  isDefault: z.boolean().optional(),
});
export type TCreateAckTemplate = z.infer<typeof ZCreateAckTemplate>;

export const ZUpdateAckTemplate = ZCreateAckTemplate.partial().refine((v) => Object.keys(v).length > 0, {
  message: 'Indiquez au moins un champ à modifier.',
});
export type TUpdateAckTemplate = z.infer<typeof ZUpdateAckTemplate>;

export const ZAckDocumentQuery = z.strictObject({ format: z.enum(ACK_FORMATS).default('pdf') });

export const ZSendAcknowledgement = z.strictObject({
  /**
   * `email` sends it; `letter` records that the printed letter was handed or posted. By
   * default, email for the digital channels (email, web form, social message), else letter.
   */
  channel: ZAckChannel.optional(),
  /** Another address than the writer's (email channel). */
  to: z.email({ message: 'L’adresse électronique est invalide.' }).max(254).optional(),
});
export type TSendAcknowledgement = z.infer<typeof ZSendAcknowledgement>;

export const ZAcknowledgement = z.object({
  id: ZUuid,
  itemId: ZUuid,
  channel: ZAckChannel,
  recipient: z.string().nullable(),
  sentAt: z.string(),
  sentBy: ZUuid.nullable(),
  emailJobId: ZUuid.nullable(),
  templateId: ZUuid.nullable(),
  /** Sent by registration itself, without anyone asking (digital channels, setting on by default). */
  automatic: z.boolean(),
  /** Where the email stands (its `mail.send` job): pending, running, done (sent), failed; null for a letter. */
  emailStatus: z.enum(['pending', 'running', 'done', 'failed']).nullable(),
  policies: ZPolicies,
});
export type TAcknowledgement = z.infer<typeof ZAcknowledgement>;
export const ZAcknowledgementPage = page(ZAcknowledgement);

/** The letterhead acknowledgements print, and the contacts R.112-5 asks for. */
export const ZLetterhead = z.object({
  organisationName: z.string(),
  addressLines: z.array(z.string()),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  place: z.string(),
  secretariatName: z.string(),
  secretariatEmail: z.string().nullable(),
  secretariatPhone: z.string().nullable(),
  executiveName: z.string().nullable(),
  executiveTitle: z.string().nullable(),
  appealCourt: z.string(),
  policies: ZPolicies,
});
export type TLetterhead = z.infer<typeof ZLetterhead>;

export const ZUpdateLetterhead = z.strictObject({
  organisationName: ZText(200),
  addressLines: z.array(ZText(200)).max(6),
  phone: ZOptionalText(40),
  email: z.email({ message: 'L’adresse électronique est invalide.' }).max(254).nullable().optional(),
  website: ZOptionalText(200),
  place: ZText(100),
  secretariatName: ZText(200),
  secretariatEmail: z.email({ message: 'L’adresse électronique est invalide.' }).max(254).nullable().optional(),
  secretariatPhone: ZOptionalText(40),
  executiveName: ZOptionalText(200),
  executiveTitle: ZOptionalText(200),
  appealCourt: ZText(200),
});
export type TUpdateLetterhead = z.infer<typeof ZUpdateLetterhead>;
