import { z } from 'zod';
import { ZConfidentiality, ZPageQuery, ZPolicies, ZUuid } from './common';
import { ZMandateFunction } from './officials';

// The directory (issue 3): territories (neighbourhoods), services (departments) and contacts.

const ZText = (max: number) => z.string().trim().min(1).max(max);
const ZOptionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const ZEmailAddress = z
  .email()
  .max(254)
  .transform((s) => s.toLowerCase());
/** French and New Caledonian postcodes: five digits (988xx in New Caledonia). */
export const ZPostcode = z.string().regex(/^\d{5}$/, { message: 'Le code postal doit compter 5 chiffres.' });
/** A phone number as typed; the server normalises it to E.164 with the organisation's region. */
const ZPhoneInput = z.string().trim().min(4).max(40);
const ZTags = z.array(z.string().trim().min(1).max(60)).max(50);
const ZTopics = z.array(z.string().trim().min(1).max(120)).max(100);

const atLeastOne = { message: 'Indiquez au moins un champ à modifier.' };
const nonEmpty = (v: object) => Object.keys(v).length > 0;

// ---------------------------------------------------------------- territories

export const ZTerritory = z.object({
  id: ZUuid,
  name: z.string(),
  code: z.string().nullable(),
  policies: ZPolicies,
});
export type TTerritory = z.infer<typeof ZTerritory>;

export const ZCreateTerritory = z.strictObject({
  name: ZText(120),
  code: ZOptionalText(20),
});
export type TCreateTerritory = z.infer<typeof ZCreateTerritory>;

export const ZUpdateTerritory = ZCreateTerritory.partial().refine(nonEmpty, atLeastOne);
export type TUpdateTerritory = z.infer<typeof ZUpdateTerritory>;

// ---------------------------------------------------------------- services

export const ZService = z.object({
  id: ZUuid,
  name: z.string(),
  headName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  topics: z.array(z.string()),
  policies: ZPolicies,
});
export type TService = z.infer<typeof ZService>;

export const ZCreateService = z.strictObject({
  name: ZText(160),
  headName: ZOptionalText(160),
  email: ZEmailAddress.nullable().optional(),
  phone: ZPhoneInput.nullable().optional(),
  address: ZOptionalText(500),
  topics: ZTopics.optional(),
});
export type TCreateService = z.infer<typeof ZCreateService>;

export const ZUpdateService = ZCreateService.partial().refine(nonEmpty, atLeastOne);
export type TUpdateService = z.infer<typeof ZUpdateService>;

/** Territories and services are reference lists: a page of them, by name. */
export const ZTerritoryPage = z.object({ data: z.array(ZTerritory), nextCursor: z.string().nullable() });
export const ZServicePage = z.object({ data: z.array(ZService), nextCursor: z.string().nullable() });

// ---------------------------------------------------------------- contacts

export const CONTACT_KINDS = ['person', 'organisation'] as const;
export const ZContactKind = z.enum(CONTACT_KINDS);
export type TContactKind = z.infer<typeof ZContactKind>;

export const CIVILITIES = ['M.', 'Mme'] as const;
export const ZCivility = z.enum(CIVILITIES);

export const CONTACT_ORG_TYPES = ['association', 'company', 'institution', 'media', 'other'] as const;
export const ZContactOrgType = z.enum(CONTACT_ORG_TYPES);

export const ZPostalAddress = z.strictObject({
  label: ZOptionalText(60),
  line1: ZText(200),
  line2: ZOptionalText(200),
  postcode: ZPostcode,
  city: ZText(120),
  country: ZOptionalText(80),
});
export type TPostalAddress = z.infer<typeof ZPostalAddress>;

export const ZContactEmail = z.strictObject({ label: ZOptionalText(60), email: ZEmailAddress });
export const ZContactPhoneInput = z.strictObject({ label: ZOptionalText(60), number: ZPhoneInput });

// Response shapes carry no transform (the serializer encodes them).
const ZLabel = z.string().nullable().optional();
const ZPostalAddressOut = z.object({
  label: ZLabel,
  line1: z.string(),
  line2: ZLabel,
  postcode: z.string(),
  city: z.string(),
  country: ZLabel,
});
const ZContactEmailOut = z.object({ label: ZLabel, email: z.string() });
const ZContactPhoneOut = z.object({ label: ZLabel, number: z.string() });

/** The fields a client sends; the kind decides which names are required. */
const contactFields = {
  kind: ZContactKind,
  civility: ZCivility.nullable().optional(),
  firstName: ZOptionalText(120),
  lastName: ZOptionalText(120),
  /** An organisation's name. */
  name: ZOptionalText(200),
  orgType: ZContactOrgType.nullable().optional(),
  /** The form of address used in letters: « Monsieur le Préfet ». */
  formOfAddress: ZOptionalText(200),
  jobTitle: ZOptionalText(200),
  employer: ZOptionalText(200),
  addresses: z.array(ZPostalAddress).max(10).optional(),
  emails: z.array(ZContactEmail).max(10).optional(),
  phones: z.array(ZContactPhoneInput).max(10).optional(),
  territoryId: ZUuid.nullable().optional(),
  tags: ZTags.optional(),
  notes: ZOptionalText(10_000),
  source: ZOptionalText(200),
  consent: z.boolean().optional(),
  consentDate: z.iso.date().nullable().optional(),
  confidentiality: ZConfidentiality.optional(),
  /** People named on a restricted or confidential contact (user ids). */
  members: z.array(ZUuid).max(50).optional(),
};

/** Names a contact of this kind must carry, with the field to point at when missing. */
export function missingContactNames(v: {
  kind?: TContactKind | undefined;
  lastName?: string | null | undefined;
  name?: string | null | undefined;
}): { path: 'lastName' | 'name'; message: string } | null {
  if (v.kind === 'person' && !v.lastName) return { path: 'lastName', message: 'Le nom de famille est obligatoire.' };
  if (v.kind === 'organisation' && !v.name) return { path: 'name', message: 'Le nom de l’organisme est obligatoire.' };
  return null;
}

export const ZCreateContact = z.strictObject(contactFields).superRefine((v, ctx) => {
  const missing = missingContactNames(v);
  if (missing) ctx.addIssue({ code: 'custom', path: [missing.path], message: missing.message });
});
export type TCreateContact = z.infer<typeof ZCreateContact>;

export const ZUpdateContact = z.strictObject(contactFields).partial().refine(nonEmpty, atLeastOne);
export type TUpdateContact = z.infer<typeof ZUpdateContact>;

export const ZContact = z.object({
  id: ZUuid,
  kind: ZContactKind,
  civility: ZCivility.nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  name: z.string().nullable(),
  orgType: ZContactOrgType.nullable(),
  formOfAddress: z.string().nullable(),
  jobTitle: z.string().nullable(),
  employer: z.string().nullable(),
  addresses: z.array(ZPostalAddressOut),
  emails: z.array(ZContactEmailOut),
  /** Numbers in E.164 (+687281234, +33612345678). */
  phones: z.array(ZContactPhoneOut),
  territoryId: ZUuid.nullable(),
  tags: z.array(z.string()),
  notes: z.string().nullable(),
  source: z.string().nullable(),
  consent: z.boolean(),
  consentDate: z.string().nullable(),
  confidentiality: ZConfidentiality,
  members: z.array(ZUuid),
  displayName: z.string(),
  sortName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  policies: ZPolicies,
});
export type TContact = z.infer<typeof ZContact>;

export const ZContactPage = z.object({ data: z.array(ZContact), nextCursor: z.string().nullable() });

export const ZContactQuery = ZPageQuery.extend({
  kind: ZContactKind.optional(),
  tag: z.string().trim().min(1).max(60).optional(),
  territoryId: ZUuid.optional(),
  /**
   * Officials of one political group of the organisation. Affiliation is sensitive (RGPD):
   * cabinet roles only; another reader gets 403.
   */
  groupId: ZUuid.optional(),
  /** Persons holding a mandate in force with this function (every `maire`, every `adjoint`…). */
  mandate: ZMandateFunction.optional(),
  /** Name search, accents, case and a typo forgiven. */
  q: z.string().trim().min(1).max(120).optional(),
});
export type TContactQuery = z.infer<typeof ZContactQuery>;

export const ZIdParams = z.strictObject({ id: ZUuid });
