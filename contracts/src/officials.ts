import { z } from 'zod';
import { ZPageQuery, ZPolicies, ZUuid } from './common';

// The organisation's elected members (issue 3) and the mandates of every elected person the
// address book knows: the organisation's own officials and the contacts of other bodies.

export const MANDATE_FUNCTIONS = [
  'maire',
  'adjoint',
  'conseiller_delegue',
  'conseiller_municipal',
  'president',
  'vice_president',
  'conseiller_departemental',
  'membre_congres',
  'membre_assemblee_province',
  'other',
] as const;
export const ZMandateFunction = z.enum(MANDATE_FUNCTIONS);
export type TMandateFunction = z.infer<typeof ZMandateFunction>;

export const MANDATE_BODIES = [
  'conseil_municipal',
  'conseil_departemental',
  'congres',
  'assemblee_province',
  'other',
] as const;
export const ZMandateBody = z.enum(MANDATE_BODIES);
export type TMandateBody = z.infer<typeof ZMandateBody>;

export const POLITICAL_SIDES = ['majority', 'opposition'] as const;
export const ZPoliticalSide = z.enum(POLITICAL_SIDES);

const ZOptionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const ZTopics = z.array(z.string().trim().min(1).max(120)).max(100);

export const ZMandateInput = z
  .strictObject({
    function: ZMandateFunction,
    /** Adjoint n°, vice-président n°. */
    rank: z.number().int().min(1).max(50).nullable().optional(),
    /** The function as the register words it (« 1er Vice-président du conseil départemental »). */
    label: ZOptionalText(200),
    body: ZMandateBody,
    bodyName: ZOptionalText(200),
    /** INSEE code of the commune, département or collectivity (other bodies). */
    collectivityCode: ZOptionalText(20),
    collectivityName: ZOptionalText(200),
    startDate: z.iso.date().nullable().optional(),
    endDate: z.iso.date().nullable().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.startDate && v.endDate && v.endDate < v.startDate) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'La fin du mandat précède son début.' });
    }
  });
export type TMandateInput = z.infer<typeof ZMandateInput>;

export const ZMandate = z.object({
  id: ZUuid,
  function: ZMandateFunction,
  rank: z.number().nullable(),
  label: z.string().nullable(),
  body: ZMandateBody,
  bodyName: z.string().nullable(),
  collectivityCode: z.string().nullable(),
  collectivityName: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  /** True for a mandate in the organisation itself; false for other bodies. */
  isOwnOrganisation: z.boolean(),
  source: z.string().nullable(),
});
export type TMandate = z.infer<typeof ZMandate>;

export const ZPoliticalGroupInput = z.strictObject({
  name: z.string().trim().min(1).max(160),
  side: ZPoliticalSide,
});

export const ZCreateOfficial = z.strictObject({
  /** The person contact the official is. */
  contactId: ZUuid,
  /** The official's user account, when they have one. */
  userId: ZUuid.nullable().optional(),
  mandates: z.array(ZMandateInput).max(20).optional(),
  /** Délégations: the topics the official is in charge of. */
  portfolios: ZTopics.optional(),
  /** Sensitive (RGPD): shown to cabinet roles and to the group's own staff only. */
  politicalGroup: ZPoliticalGroupInput.nullable().optional(),
});
export type TCreateOfficial = z.infer<typeof ZCreateOfficial>;

export const ZUpdateOfficial = ZCreateOfficial.omit({ contactId: true })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'Indiquez au moins un champ à modifier.' });
export type TUpdateOfficial = z.infer<typeof ZUpdateOfficial>;

export const ZOfficial = z.object({
  id: ZUuid,
  contactId: ZUuid,
  userId: ZUuid.nullable(),
  displayName: z.string(),
  sortName: z.string(),
  mandates: z.array(ZMandate),
  portfolios: z.array(z.string()),
  /** Null when the actor may not see the affiliation (or there is none). */
  politicalGroup: z.object({ id: ZUuid, name: z.string(), side: ZPoliticalSide }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  policies: ZPolicies,
});
export type TOfficial = z.infer<typeof ZOfficial>;

export const ZOfficialPage = z.object({ data: z.array(ZOfficial), nextCursor: z.string().nullable() });

export const ZOfficialQuery = ZPageQuery.extend({
  /** A political group's name (cabinet roles and the group's staff only). */
  group: z.string().trim().min(1).max(160).optional(),
  function: ZMandateFunction.optional(),
  /** `true`: officials holding a mandate in force today. */
  active: z.enum(['true', 'false']).optional(),
});
export type TOfficialQuery = z.infer<typeof ZOfficialQuery>;

// Political groups (issue 3): affiliation is sensitive (RGPD). Cabinet roles list every group;
// a group_staff member lists the groups naming them in `staff` only.

export const ZCreatePoliticalGroup = ZPoliticalGroupInput;
export type TCreatePoliticalGroup = z.infer<typeof ZCreatePoliticalGroup>;

export const ZUpdatePoliticalGroup = z
  .strictObject({
    name: z.string().trim().min(1).max(160).optional(),
    side: ZPoliticalSide.optional(),
    /** The group_staff members who work for the group (active members of the organisation). */
    staff: z.array(ZUuid).max(50).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Indiquez au moins un champ à modifier.' });
export type TUpdatePoliticalGroup = z.infer<typeof ZUpdatePoliticalGroup>;

export const ZPoliticalGroup = z.object({
  id: ZUuid,
  name: z.string(),
  side: ZPoliticalSide,
  staff: z.array(ZUuid),
  /** How many officials belong to the group. */
  officialCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  policies: ZPolicies,
});
export type TPoliticalGroup = z.infer<typeof ZPoliticalGroup>;

export const ZPoliticalGroupList = z.object({ data: z.array(ZPoliticalGroup) });

// A contact's mandates on its 360° page (issue 3): the organisation's officials and the elected
// persons of other bodies alike. No political group: the page is read by every directory role.

/** A mandate as its contact's page shows it, with the official it belongs to when it is one. */
export const ZContactMandate = ZMandate.extend({
  /** The organisation's official holding the mandate (their page), or null for other bodies. */
  officialId: ZUuid.nullable(),
  /** False once the end date has passed. */
  inForce: z.boolean(),
});
export type TContactMandate = z.infer<typeof ZContactMandate>;

export const ZContactMandatePage = z.object({ data: z.array(ZContactMandate), nextCursor: z.string().nullable() });
