import { z } from 'zod';
import { ZConfidentiality, ZPageQuery, ZPolicies, ZUuid } from './common';
import { ZCorrespondenceChannel, ZCorrespondencePriority } from './correspondence';

// Correspondence (issue 4): every inbound channel (scanned letters, e-mail, mail gateway,
// public web form), attachments and campaigns.

/** `/correspondence/:id/attachments/:fileId` */
export const ZAttachmentParams = z.strictObject({ id: ZUuid, fileId: ZUuid });

/** A stored file attached to an item (the content is fetched at its `url`). */
export const ZAttachment = z.object({
  id: ZUuid,
  filename: z.string(),
  /** Sniffed from the content (magic bytes), never taken from the sender. */
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  /** Its words (a PDF's text layer, or a scan's text recognised by OCR) are in the item's search entry. */
  textExtracted: z.boolean(),
  createdAt: z.string(),
  url: z.string(),
  policies: ZPolicies,
});
export type TAttachment = z.infer<typeof ZAttachment>;
export const ZAttachmentPage = z.object({ data: z.array(ZAttachment), nextCursor: z.string().nullable() });

const ZFormText = (max: number) => z.string().trim().min(1).max(max);
const ZFormOptional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? undefined : v))
    .optional();

/**
 * The text fields of `POST /correspondence/scan` (multipart, with the scan in `file`): a postal
 * letter registered with its scanned PDF or image in one request.
 */
export const ZScanFields = z.strictObject({
  subject: ZFormText(300),
  senderName: ZFormText(200),
  senderEmail: z
    .email({ message: 'L’adresse électronique est invalide.' })
    .max(254)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  senderAddress: ZFormOptional(500),
  body: z.string().trim().max(100_000).optional(),
  receivedAt: z.iso.datetime({ offset: true, message: 'Date et heure ISO 8601 attendues.' }).optional(),
  typeId: ZUuid.optional(),
  topic: ZFormOptional(120),
  territoryId: ZUuid.optional(),
  priority: ZCorrespondencePriority.optional(),
  confidentiality: ZConfidentiality.optional(),
});
export type TScanFields = z.infer<typeof ZScanFields>;

/** A postal letter registered with its scan: open the item at `/correspondence/:itemId`. */
export const ZScanRegistration = z.object({
  itemId: ZUuid,
  registrationNumber: z.string(),
  attachments: z.array(ZAttachment),
});
export type TScanRegistration = z.infer<typeof ZScanRegistration>;

/** The text fields of `POST /correspondence/eml` (multipart, the message in `file`). */
export const ZEmlFields = z.strictObject({
  typeId: ZUuid.optional(),
  topic: ZFormOptional(120),
  territoryId: ZUuid.optional(),
  priority: ZCorrespondencePriority.optional(),
  confidentiality: ZConfidentiality.optional(),
});
export type TEmlFields = z.infer<typeof ZEmlFields>;

/** An e-mail registered: the item, and whether it was already there (same Message-ID). */
export const ZEmailRegistration = z.object({
  itemId: ZUuid,
  registrationNumber: z.string(),
  duplicate: z.boolean(),
  attachments: z.number().int(),
});
export type TEmailRegistration = z.infer<typeof ZEmailRegistration>;

/** A mail gateway's token (its secret is shown once, at creation). */
export const ZGatewayToken = z.object({
  id: ZUuid,
  label: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  policies: ZPolicies,
});
export type TGatewayToken = z.infer<typeof ZGatewayToken>;
export const ZGatewayTokenPage = z.object({ data: z.array(ZGatewayToken), nextCursor: z.string().nullable() });
export const ZCreateGatewayToken = z.strictObject({ label: ZFormText(120) });
export type TCreateGatewayToken = z.infer<typeof ZCreateGatewayToken>;
export const ZGatewayTokenCreated = ZGatewayToken.extend({
  /** The secret to paste in the gateway's configuration: never shown again. */
  token: z.string(),
});

/** `POST /api/v1/public/requests/:orgSlug`: the town's web site form. */
export const ZPublicRequestParams = z.strictObject({ orgSlug: z.string().trim().min(1).max(100) });
export const ZPublicRequest = z.strictObject({
  name: ZFormText(200),
  // A form's empty field arrives as '': no address, not a bad one.
  email: z
    .email({ message: 'L’adresse électronique est invalide.' })
    .max(254)
    .transform((s) => s.toLowerCase())
    .optional()
    .or(z.literal('').transform(() => undefined)),
  phone: z.string().trim().max(40).optional(),
  address: z.string().trim().max(500).optional(),
  subject: ZFormText(300),
  message: ZFormText(20_000),
  topic: z.string().trim().max(120).optional(),
  consent: z.literal(true, { message: 'Votre accord est nécessaire pour que la mairie traite votre demande.' }),
  /** Left empty by people; robots fill it (honeypot). */
  website: z.string().max(500).optional(),
});
export type TPublicRequest = z.infer<typeof ZPublicRequest>;
/** The answer: the registration number only, nothing internal. */
export const ZPublicRequestAccepted = z.object({ registrationNumber: z.string().nullable(), message: z.string() });

/** The web sites allowed to send the public form from a browser (CORS). */
export const ZPublicFormSettings = z.strictObject({
  allowedOrigins: z
    .array(
      z
        .url({ message: 'Adresse de site invalide (https://www.exemple.fr).' })
        .refine((u) => /^https?:\/\/[^/]+$/.test(u.replace(/\/$/, '')), {
          message: 'Seulement le schéma et le nom du site, sans chemin (https://www.exemple.fr).',
        })
        .transform((u) => u.replace(/\/$/, '').toLowerCase()),
    )
    .max(20),
  /**
   * The item type given to the form's requests: its processing delay, and the acknowledgement
   * it calls for (CRPA L.112-11: a request sent electronically is acknowledged). Left out: kept.
   */
  typeId: ZUuid.nullable().optional(),
});
export type TPublicFormSettings = z.infer<typeof ZPublicFormSettings>;
/** The setting as the API answers it (the input's clean-up transforms do not run backwards). */
export const ZPublicFormSettingsView = z.object({ allowedOrigins: z.array(z.string()), typeId: ZUuid.nullable() });
export type TPublicFormSettingsView = z.infer<typeof ZPublicFormSettingsView>;

/** Near-identical items from many writers, grouped so one reply serves them all. */
export const ZCampaign = z.object({
  id: ZUuid,
  label: z.string(),
  firstItemId: ZUuid.nullable(),
  itemCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  policies: ZPolicies,
});
export type TCampaign = z.infer<typeof ZCampaign>;
export const ZCampaignPage = z.object({ data: z.array(ZCampaign), nextCursor: z.string().nullable() });

export const ZCampaignItem = z.object({
  id: ZUuid,
  registrationNumber: z.string(),
  subject: z.string(),
  senderName: z.string(),
  senderContactId: ZUuid.nullable(),
  channel: ZCorrespondenceChannel,
  receivedAt: z.string(),
});
export const ZCampaignDetail = ZCampaign.extend({
  items: z.array(ZCampaignItem),
  nextCursor: z.string().nullable(),
});
export type TCampaignDetail = z.infer<typeof ZCampaignDetail>;
export const ZCampaignQuery = ZPageQuery;
/** `/correspondence/campaigns/:id/items/:itemId` */
export const ZCampaignItemParams = z.strictObject({ id: ZUuid, itemId: ZUuid });
