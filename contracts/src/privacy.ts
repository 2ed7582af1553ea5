import { z } from 'zod';
import { ZContact } from './directory';
import { type TCsvTargetField, ZCsvTargetField } from './imports';
import { ZMandate } from './officials';

// Personal data in the directory (issue 3, RGPD): retention periods per kind of contact and the
// anonymisation job, the export of everything held on one person, erasure on request and the
// bulk CSV export (never with political affiliation).

/**
 * The kinds of contact a retention period applies to. The clock runs from the contact's last
 * activity (and, for elected persons, from the end of their last mandate); nobody is anonymised
 * while one of their mandates is in force.
 */
export const RETENTION_KINDS = ['constituents', 'otherOfficials', 'ownOfficials', 'organisationNotes'] as const;
export type TRetentionKind = (typeof RETENTION_KINDS)[number];

/** Months; at least 6 (a shorter period would erase a file still being worked), at most 20 years. */
const ZMonths = z
  .number({ message: 'Indiquez une durée en mois.' })
  .int({ message: 'La durée est un nombre entier de mois.' })
  .min(6, { message: 'La durée de conservation est d’au moins 6 mois.' })
  .max(240, { message: 'La durée de conservation est d’au plus 240 mois (20 ans).' });

export const ZRetentionInput = z.strictObject({
  constituents: ZMonths,
  otherOfficials: ZMonths,
  ownOfficials: ZMonths,
  organisationNotes: ZMonths,
});
export type TRetentionInput = z.infer<typeof ZRetentionInput>;

export const ZRetention = ZRetentionInput.extend({
  /** True while the organisation keeps the defaults (nothing saved yet). */
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
  policies: z.record(z.string(), z.boolean()),
});
export type TRetention = z.infer<typeof ZRetention>;

export const ZEraseContact = z.strictObject({
  /** Why the person's data is erased (the request, its date, its channel): kept in the audit. */
  reason: z
    .string({ message: 'Indiquez le motif de l’effacement.' })
    .trim()
    .min(3, { message: 'Indiquez le motif de l’effacement (3 caractères au moins).' })
    .max(500, { message: 'Le motif tient en 500 caractères au plus.' }),
});
export type TEraseContact = z.infer<typeof ZEraseContact>;

/** The name an anonymised contact carries everywhere it is still referenced. */
export const ANONYMISED_NAME = 'Contact anonymisé';

const ZAuditItem = z.object({
  id: z.string(),
  action: z.string(),
  actorName: z.string().nullable(),
  summary: z.record(z.string(), z.unknown()),
  at: z.string(),
});

/** Everything held on one person (right of access, RGPD art. 15). */
export const ZPersonalDataExport = z.object({
  generatedAt: z.string(),
  organisation: z.object({ id: z.string(), name: z.string() }),
  contact: ZContact.extend({ lastActivityAt: z.string(), anonymisedAt: z.string().nullable() }),
  territory: z.string().nullable(),
  mandates: z.array(ZMandate),
  official: z
    .object({
      portfolios: z.array(z.string()),
      /** Only for the roles that may see political affiliation; null otherwise. */
      politicalGroup: z.object({ name: z.string(), side: z.enum(['majority', 'opposition']) }).nullable(),
      linkedToUserAccount: z.boolean(),
    })
    .nullable(),
  identities: z.array(z.object({ source: z.string(), key: z.string(), createdAt: z.string() })),
  /** What other modules hold on the person (relations, correspondence, cases…), by source key. */
  sources: z.array(z.object({ key: z.string(), data: z.unknown() })),
  audit: z.array(ZAuditItem),
  /** True when the audit history was cut at its most recent entries. */
  auditTruncated: z.boolean(),
});
export type TPersonalDataExport = z.infer<typeof ZPersonalDataExport>;

/**
 * The bulk CSV export's columns: the CSV import's fields, headed in French so a spreadsheet
 * reads them and the import's mapping suggestion finds them again.
 */
export const CSV_EXPORT_HEADERS: Record<TCsvTargetField, string> = {
  externalId: 'Identifiant',
  kind: 'Type',
  civility: 'Civilité',
  firstName: 'Prénom',
  lastName: 'Nom',
  name: 'Nom de l’organisme',
  orgType: 'Type d’organisme',
  formOfAddress: 'Formule d’appel',
  jobTitle: 'Fonction',
  employer: 'Employeur',
  email: 'Courriel',
  email2: 'Courriel 2',
  phone: 'Téléphone',
  phone2: 'Téléphone 2',
  addressLine1: 'Adresse',
  addressLine2: 'Complément d’adresse',
  postcode: 'Code postal',
  city: 'Ville',
  country: 'Pays',
  territory: 'Quartier',
  tags: 'Étiquettes',
  notes: 'Notes',
  source: 'Source',
  consent: 'Consentement',
  consentDate: 'Date du consentement',
};

/** The export's columns in the import's order. */
export const CSV_EXPORT_FIELDS = ZCsvTargetField.options;
