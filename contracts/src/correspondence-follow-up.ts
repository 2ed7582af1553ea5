import { z } from 'zod';
import { ZPolicies, ZUuid } from './common';
import {
  ZCorrespondenceChannel,
  ZCorrespondenceItemType,
  ZCorrespondenceQuery,
  ZCorrespondenceStatus,
  ZImplicitDecisionRule,
} from './correspondence';

// Correspondence follow-up (issue 4, points 6 and 9): item types, the holiday calendar, saved
// views, the register export and the response-time figures.

const ZText = (max: number) => z.string().trim().min(1).max(max);
const ZDay = z.iso.date({ message: 'Date AAAA-MM-JJ attendue.' });
const atLeastOne = { message: 'Indiquez au moins un champ à modifier.' };

// ---------------------------------------------------------------- item types

const itemTypeFields = {
  /** Stable code (lower case, digits, `_`): imports and reports refer to it. */
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{1,40}$/, { message: 'Code en minuscules, chiffres et « _ » (40 caractères au plus).' }),
  label: ZText(120),
  acknowledgementDue: z.boolean(),
  /** Null: not a request subject to a decision. */
  implicitDecisionRule: ZImplicitDecisionRule.nullable(),
  implicitDecisionMonths: z.number().int().min(1).max(24),
  /** Null: no due date. */
  processingWorkingDays: z.number().int().min(0).max(365).nullable(),
};

export const ZCreateItemType = z.strictObject({
  code: itemTypeFields.code,
  label: itemTypeFields.label,
  acknowledgementDue: itemTypeFields.acknowledgementDue.default(false),
  implicitDecisionRule: itemTypeFields.implicitDecisionRule.default(null),
  implicitDecisionMonths: itemTypeFields.implicitDecisionMonths.default(2),
  processingWorkingDays: itemTypeFields.processingWorkingDays.default(null),
});
export type TCreateItemType = z.infer<typeof ZCreateItemType>;

export const ZUpdateItemType = z
  .strictObject(itemTypeFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, atLeastOne);
export type TUpdateItemType = z.infer<typeof ZUpdateItemType>;

/** An item type as its managers see it after a change, with what they may do next. */
export const ZManagedItemType = ZCorrespondenceItemType.extend({ policies: ZPolicies });
export type TManagedItemType = z.infer<typeof ZManagedItemType>;

// ---------------------------------------------------------------- holiday calendar

/** A day the organisation closes besides the public holidays (the town's own day). */
export const ZClosedDay = z.strictObject({
  date: ZDay,
  label: ZText(120),
  /** The same day and month every year; otherwise this date only. */
  everyYear: z.boolean().default(false),
});
export type TClosedDay = z.infer<typeof ZClosedDay>;

export const ZHolidaySettingsInput = z.strictObject({
  /** date-holidays country or territory code: `NC` New Caledonia, `FR` France, `PF`, `WF`… */
  country: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/, { message: 'Code pays ou territoire en deux lettres majuscules (NC, FR, PF…).' }),
  /** date-holidays region of the country (`57` Moselle, `RE` La Réunion…). */
  region: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{1,4}$/, { message: 'Code de région invalide.' })
    .nullable()
    .default(null),
  closedDays: z.array(ZClosedDay).max(50).default([]),
});
export type THolidaySettingsInput = z.infer<typeof ZHolidaySettingsInput>;

export const ZHolidayQuery = z.strictObject({
  /** With a year: the list of that year's days off (public holidays and closed days). */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const ZHoliday = z.object({
  date: z.string(),
  name: z.string(),
  /** A public holiday of the country, or a closing day of the organisation. */
  kind: z.enum(['public', 'closed']),
});
export type THoliday = z.infer<typeof ZHoliday>;

export const ZHolidaySettings = z.object({
  country: z.string(),
  region: z.string().nullable(),
  closedDays: z.array(z.object({ date: z.string(), label: z.string(), everyYear: z.boolean() })),
  /** `default`: derived from the organisation's time zone and official code, nothing saved. */
  source: z.enum(['default', 'saved']),
  year: z.number().int().optional(),
  days: z.array(ZHoliday).optional(),
  policies: ZPolicies,
});
export type THolidaySettings = z.infer<typeof ZHolidaySettings>;

// ---------------------------------------------------------------- saved views

/** The inbox's filters a view keeps (the list's query without its page). */
export const ZSavedViewFilters = ZCorrespondenceQuery.omit({ limit: true, cursor: true });

export const ZCreateSavedView = z.strictObject({
  name: ZText(80),
  filters: ZSavedViewFilters,
});
export type TCreateSavedView = z.infer<typeof ZCreateSavedView>;

export const ZSavedView = z.object({
  id: ZUuid,
  name: z.string(),
  filters: ZSavedViewFilters,
  createdAt: z.string(),
  policies: ZPolicies,
});
export type TSavedView = z.infer<typeof ZSavedView>;
export const ZSavedViewPage = z.object({ data: z.array(ZSavedView), nextCursor: z.string().nullable() });

// ---------------------------------------------------------------- register and figures

const fromBeforeTo = (v: { from: string; to: string }) => v.from <= v.to;
const fromBeforeToMessage = { message: 'La date de fin doit suivre la date de début.', path: ['to'] };

export const ZRegisterQuery = z
  .strictObject({
    from: ZDay,
    to: ZDay,
    direction: z.enum(['in', 'out', 'all']).default('all'),
    format: z.enum(['csv', 'pdf']).default('csv'),
  })
  .refine(fromBeforeTo, fromBeforeToMessage);
export type TRegisterQuery = z.infer<typeof ZRegisterQuery>;

export const ZFiguresQuery = z
  .strictObject({ from: ZDay, to: ZDay })
  .refine(fromBeforeTo, fromBeforeToMessage)
  .refine((v) => Date.parse(v.to) - Date.parse(v.from) <= 366 * 86_400_000, {
    message: 'Une période d’un an au plus.',
    path: ['to'],
  });
export type TFiguresQuery = z.infer<typeof ZFiguresQuery>;

/** Response times of one group of items (a service, an item type) received in the period. */
export const ZFiguresRow = z.object({
  /** Service or item type id; null for items without one. */
  id: ZUuid.nullable(),
  label: z.string(),
  received: z.number().int(),
  closed: z.number().int(),
  /** Days from receipt to reply (sent or closed), null when nothing was answered. */
  medianDays: z.number().nullable(),
  p90Days: z.number().nullable(),
  /** Share (0–1) of the answered items with a due date answered on or before it. */
  withinDueShare: z.number().nullable(),
  /** Still open today and past their due date. */
  openOverdue: z.number().int(),
});
export type TFiguresRow = z.infer<typeof ZFiguresRow>;

export const ZFigures = z.object({
  from: z.string(),
  to: z.string(),
  total: ZFiguresRow,
  byType: z.array(ZFiguresRow),
  byService: z.array(ZFiguresRow),
  /** The items received in the period, by where they stand now (most first). */
  byStatus: z.array(z.object({ status: ZCorrespondenceStatus, count: z.number().int() })),
  /** The items received in the period, by the channel they came by (most first). */
  byChannel: z.array(z.object({ channel: ZCorrespondenceChannel, count: z.number().int() })),
});
export type TFigures = z.infer<typeof ZFigures>;
