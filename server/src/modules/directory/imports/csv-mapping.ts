import { CSV_TARGET_FIELDS, type TCsvMapping, type TCsvTargetField, ZCsvMapping } from '@dircab/contracts';
import type { FieldError } from '../../../platform/errors/problem';
import { sortKey } from '../contact-names';
import type { ContactDraft } from './contact-draft';
import { emptyDraft } from './contact-draft';
import type { CsvRecord } from './csv';

// The column mapping of a CSV import: the one suggested from the headers a French or English
// spreadsheet uses, the one a user sends (checked against the file), and how a row becomes a
// contact draft through it.

/** Header (lower case, no accents, punctuation as spaces) → the field it fills. */
const HEADERS: Record<string, TCsvTargetField> = {};
const names: [TCsvTargetField, string[]][] = [
  ['externalId', ['id', 'identifiant', 'external id', 'reference', 'ref', 'uid', 'numero', 'n contact']],
  ['kind', ['type', 'type de contact', 'kind', 'categorie de contact', 'nature']],
  ['civility', ['civilite', 'civility', 'salutation', 'titre de civilite']],
  ['firstName', ['prenom', 'first name', 'firstname', 'given name', 'prenoms']],
  ['lastName', ['nom', 'nom de famille', 'last name', 'lastname', 'surname', 'family name', 'nom d usage']],
  ['name', ['nom de l organisme', 'raison sociale', 'organization name', 'organisation name', 'denomination']],
  ['orgType', ['type d organisme', 'organization type', 'type de structure']],
  ['formOfAddress', ['formule d appel', 'appellation', 'form of address', 'formule de politesse']],
  ['jobTitle', ['fonction', 'poste', 'job title', 'title', 'titre', 'qualite']],
  ['employer', ['employeur', 'employer', 'company']],
  ['email', ['courriel', 'e mail', 'email', 'mail', 'adresse e mail', 'adresse mail', 'adresse electronique']],
  ['email2', ['courriel 2', 'e mail 2', 'email 2', 'autre courriel', 'second e mail']],
  ['phone', ['telephone', 'tel', 'phone', 'telephone fixe', 'fixe', 'telephone 1']],
  [
    'phone2',
    ['portable', 'mobile', 'telephone portable', 'tel portable', 'gsm', 'cell', 'mobile phone', 'telephone 2'],
  ],
  ['addressLine1', ['adresse', 'address', 'adresse 1', 'rue', 'address line 1', 'voie', 'street']],
  ['addressLine2', ['adresse 2', 'complement d adresse', 'complement', 'address line 2', 'lieu dit']],
  ['postcode', ['code postal', 'cp', 'postcode', 'postal code', 'zip', 'zip code']],
  ['city', ['ville', 'commune', 'city', 'localite', 'town']],
  ['country', ['pays', 'country']],
  ['territory', ['quartier', 'territoire', 'secteur', 'neighbourhood', 'neighborhood', 'district']],
  ['tags', ['etiquettes', 'etiquette', 'tags', 'mots cles', 'categories', 'groupes']],
  ['notes', ['notes', 'note', 'commentaire', 'commentaires', 'remarques', 'observations']],
  ['source', ['source', 'origine']],
  ['consent', ['consentement', 'consent', 'rgpd', 'opt in', 'optin']],
  ['consentDate', ['date du consentement', 'date de consentement', 'consent date']],
];
for (const [field, headers] of names) for (const h of headers) HEADERS[h] = field;

/** « Code postal », "E-mail", "Nom de l'élu" → "code postal", "e mail", "nom de l elu". */
export const headerKey = (header: string) =>
  sortKey(header)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The mapping guessed from the headers: every known header mapped once, the others ignored. */
export function suggestMapping(header: readonly string[]): TCsvMapping {
  const keys = header.map(headerKey);
  const mapping: TCsvMapping = {};
  const used = new Set<TCsvTargetField>();
  const hasLastName = keys.some((k) => HEADERS[k] === 'lastName');
  for (const [i, h] of header.entries()) {
    const k = keys[i] as string;
    let field: TCsvTargetField | null = HEADERS[k] ?? null;
    // « Organisme » names the contact in a list of organisations, the employer in a list of people.
    if (!field && ['organisme', 'organisation', 'organization', 'structure', 'societe', 'entreprise'].includes(k)) {
      field = hasLastName ? 'employer' : 'name';
    }
    // A lone « Portable » is the phone; next to a « Téléphone » it is the second number.
    if (field === 'phone2' && !keys.some((x) => HEADERS[x] === 'phone')) field = 'phone';
    if (field && field !== 'tags' && used.has(field)) field = null;
    if (field) used.add(field);
    if (!(h in mapping)) mapping[h] = field;
  }
  return mapping;
}

/**
 * Reads the `mapping` field: JSON, known fields, columns of the file, each field once (tags
 * excepted), and a column for the names. The mapping, or the 400 errors on `mapping`.
 */
export function readMapping(raw: string | undefined, header: readonly string[]): TCsvMapping | FieldError[] {
  if (raw === undefined) return checkNames(suggestMapping(header));
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return [
      { path: 'mapping', message: 'La correspondance des colonnes doit être un objet JSON.', code: 'invalid_json' },
    ];
  }
  const parsed = ZCsvMapping.safeParse(json);
  if (!parsed.success) {
    return parsed.error.issues.map((i) => ({
      path: 'mapping',
      message:
        i.code === 'invalid_value'
          ? `Champ inconnu pour la colonne « ${String(i.path[0])} » : choisissez parmi ${CSV_TARGET_FIELDS.join(', ')}.`
          : 'La correspondance des colonnes doit associer un en-tête à un champ (ou null).',
      code: i.code,
    }));
  }
  const errors: FieldError[] = [];
  const columns = new Set(header);
  const used = new Set<string>();
  for (const [column, field] of Object.entries(parsed.data)) {
    if (!columns.has(column)) {
      errors.push({ path: 'mapping', message: `Colonne absente du fichier : « ${column} ».`, code: 'unknown_column' });
    }
    if (field && field !== 'tags' && used.has(field)) {
      errors.push({
        path: 'mapping',
        message: `Le champ ${field} est associé à deux colonnes.`,
        code: 'duplicate_field',
      });
    }
    if (field) used.add(field);
  }
  return errors.length > 0 ? errors : checkNames(parsed.data);
}

function checkNames(mapping: TCsvMapping): TCsvMapping | FieldError[] {
  const fields = new Set(Object.values(mapping));
  if (fields.has('lastName') || fields.has('name')) return mapping;
  return [
    {
      path: 'mapping',
      message: 'Associez une colonne au nom de famille (lastName) ou au nom de l’organisme (name).',
      code: 'missing_name',
    },
  ];
}

const TAG_SEPARATORS = /[,;|]/;

/** A compiled mapping: for each field, the column indexes that fill it. */
export type ColumnPlan = Partial<Record<TCsvTargetField, number[]>>;

export function planColumns(header: readonly string[], mapping: TCsvMapping): ColumnPlan {
  const plan: ColumnPlan = {};
  for (const [i, h] of header.entries()) {
    const field = mapping[h];
    if (!field) continue;
    plan[field] = [...(plan[field] ?? []), i];
  }
  return plan;
}

const SCALARS = [
  'externalId',
  'kind',
  'civility',
  'firstName',
  'lastName',
  'name',
  'orgType',
  'formOfAddress',
  'jobTitle',
  'employer',
  'territory',
  'notes',
  'source',
  'consent',
  'consentDate',
] as const satisfies readonly (TCsvTargetField & keyof ContactDraft)[];

/** One CSV record → a contact draft, through the plan. */
export function draftFromRecord(plan: ColumnPlan, record: CsvRecord): ContactDraft {
  const draft = emptyDraft(record.line);
  const cell = (field: TCsvTargetField) => {
    const at = plan[field]?.[0];
    return at === undefined ? '' : (record.fields[at] ?? '');
  };
  for (const field of SCALARS) {
    const value = cell(field);
    if (value) draft[field] = value;
  }
  for (const field of ['email', 'email2'] as const) {
    const value = cell(field);
    if (value) draft.emails.push({ field, value });
  }
  for (const field of ['phone', 'phone2'] as const) {
    const value = cell(field);
    if (value) draft.phones.push({ field, value });
  }
  const address = {
    line1: cell('addressLine1'),
    line2: cell('addressLine2'),
    postcode: cell('postcode'),
    city: cell('city'),
    country: cell('country'),
  };
  if (address.line1 || address.line2 || address.postcode || address.city) draft.addresses.push(address);
  for (const at of plan.tags ?? []) {
    for (const tag of (record.fields[at] ?? '').split(TAG_SEPARATORS)) if (tag.trim()) draft.tags.push(tag);
  }
  return draft;
}
