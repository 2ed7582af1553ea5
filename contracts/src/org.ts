import { z } from 'zod';
import { ZPolicies, ZUuid } from './common';

/** The ten roles of DOMAIN.md, in the order of the cabinet's hierarchy. */
export const ROLES = [
  'executive',
  'chief_of_staff',
  'cabinet_head',
  'advisor',
  'secretariat',
  'communication',
  'official',
  'services',
  'group_staff',
  'admin',
] as const;
export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

export const ORG_KINDS = ['commune', 'departement', 'epci', 'ccas', 'other'] as const;
export const ZOrgKind = z.enum(ORG_KINDS);
export type TOrgKind = z.infer<typeof ZOrgKind>;

export const ZOrganisation = z.object({
  id: ZUuid,
  slug: z.string(),
  name: z.string(),
  kind: ZOrgKind,
  officialCode: z.string(),
  timeZone: z.string(),
  currency: z.string(),
  locale: z.string(),
});
export type TOrganisation = z.infer<typeof ZOrganisation>;

export const ZMembershipSummary = z.object({
  organisation: ZOrganisation,
  role: ZRole,
});

export const ZMe = z.object({
  user: z.object({
    id: ZUuid,
    name: z.string(),
    email: z.string(),
    locale: z.string(),
    twoFactorEnabled: z.boolean(),
  }),
  organisation: ZOrganisation,
  role: ZRole,
  /** Modules the role may open, in navigation order. */
  modules: z.array(z.string()),
  memberships: z.array(ZMembershipSummary),
});
export type TMe = z.infer<typeof ZMe>;

export const ZSwitchOrganisation = z.strictObject({ orgId: ZUuid });

const ZName = z.string().trim().min(2).max(120);
const ZEmail = z
  .email()
  .max(254)
  .transform((s) => s.toLowerCase());

/** Admin: create (invite) a user in the current organisation. */
export const ZCreateMember = z.strictObject({
  name: ZName,
  email: ZEmail,
  role: ZRole,
  jobTitle: z.string().trim().max(120).optional(),
  /** The directory service a `services` user works in: they see what is routed to it. */
  serviceId: ZUuid.nullable().optional(),
  /** Signs outgoing mail by delegation of the executive (délégation de signature). */
  signsMail: z.boolean().optional(),
  /** When absent, a temporary password is generated and returned once. */
  password: z.string().min(12).max(128).optional(),
});
export type TCreateMember = z.infer<typeof ZCreateMember>;

export const ZUpdateMember = z
  .strictObject({
    role: ZRole.optional(),
    jobTitle: z.string().trim().max(120).nullable().optional(),
    serviceId: ZUuid.nullable().optional(),
    signsMail: z.boolean().optional(),
    active: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Indiquez au moins un champ à modifier.' });
export type TUpdateMember = z.infer<typeof ZUpdateMember>;

export const ZMember = z.object({
  userId: ZUuid,
  name: z.string(),
  email: z.string(),
  role: ZRole,
  jobTitle: z.string().nullable(),
  serviceId: ZUuid.nullable(),
  signsMail: z.boolean(),
  active: z.boolean(),
  twoFactorEnabled: z.boolean(),
  createdAt: z.string(),
  policies: ZPolicies,
});
export type TMember = z.infer<typeof ZMember>;

export const ZCreatedMember = ZMember.extend({ temporaryPassword: z.string().optional() });

/** A page of members, with the organisation's total (members are hundreds, not millions). */
export const ZMemberPage = z.object({
  data: z.array(ZMember),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
});

/** The languages of the interface; French is the source. */
export const LOCALES = ['fr', 'en'] as const;
export const ZUpdateMe = z.strictObject({ locale: z.enum(LOCALES) });

export const ZMemberParams = z.strictObject({ userId: ZUuid });

export const ZUpdateOrganisation = z
  .strictObject({
    name: z.string().trim().min(2).max(200).optional(),
    officialCode: z.string().trim().min(2).max(20).optional(),
    timeZone: z
      .string()
      .refine((tz) => Intl.supportedValuesOf('timeZone').includes(tz) || tz === 'UTC', {
        message: 'Fuseau horaire inconnu.',
      })
      .optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
    locale: z.string().min(2).max(10).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Indiquez au moins un champ à modifier.' });

/**
 * Choosing a member in the officials screens (the official's account, a group's staff): the
 * heads who manage officials and groups may look members up without the admin's member list.
 * Only what a picker needs; active members of the current organisation.
 */
export const ZMemberLookupQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: z.string().min(1).max(500).optional(),
  /** Part of the name (accents and case ignored). */
  q: z.string().trim().max(120).optional(),
  role: ZRole.optional(),
  /** Comma-separated user ids: the names of the members a form already holds (its current value). */
  ids: z
    .string()
    .regex(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(,[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}){0,49}$/i,
      { message: 'Indiquez au plus 50 identifiants séparés par des virgules.' },
    )
    .optional(),
});
export type TMemberLookupQuery = z.infer<typeof ZMemberLookupQuery>;

export const ZMemberOption = z.object({
  userId: ZUuid,
  name: z.string(),
  role: ZRole,
  jobTitle: z.string().nullable(),
  /** False only for a disabled member named through `ids` (a link a form already holds). */
  active: z.boolean(),
});
export type TMemberOption = z.infer<typeof ZMemberOption>;

export const ZMemberOptionPage = z.object({ data: z.array(ZMemberOption), nextCursor: z.string().nullable() });
