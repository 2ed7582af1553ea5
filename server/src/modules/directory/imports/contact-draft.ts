import type { TImportRowError, TPostalAddress } from '@dircab/contracts';
import { ZContactEmail } from '@dircab/contracts';
import type { CountryCode } from 'libphonenumber-js/max';
import { today } from '../commands/contact-input';
import { contactNames, sortKey } from '../contact-names';
import { normalisePhone } from '../phone';
import type { ContactValues } from './bulk-write';
import { parseRneDate } from './rne';

// One imported contact as read from a CSV row or a vCard, before it is checked: every value
// is the text of the file. Each e-mail, phone and address remembers the field it came from,
// so an error names the column (`email2`) or the card property (`TEL`) a user can fix.

export interface DraftValue {
  field: string;
  label?: string | null;
  value: string;
}

export interface DraftAddress {
  /** The card property (`ADR`); absent for CSV, whose errors name the part's column. */
  field?: string;
  label?: string | null;
  line1?: string;
  line2?: string;
  postcode?: string;
  city?: string;
  country?: string;
}

export interface ContactDraft {
  /** The file's line (CSV) or the line of BEGIN:VCARD. */
  line: number;
  externalId?: string;
  kind?: string;
  civility?: string;
  firstName?: string;
  lastName?: string;
  name?: string;
  orgType?: string;
  formOfAddress?: string;
  jobTitle?: string;
  employer?: string;
  emails: DraftValue[];
  phones: DraftValue[];
  addresses: DraftAddress[];
  territory?: string;
  tags: string[];
  notes?: string;
  source?: string;
  consent?: string;
  consentDate?: string;
}

export const emptyDraft = (line: number): ContactDraft => ({ line, emails: [], phones: [], addresses: [], tags: [] });

/** A checked contact: its values, its natural key, and the territory name to resolve. */
export interface CheckedContact {
  line: number;
  key: string;
  values: Omit<ContactValues, 'territoryId'>;
  territory: string | null;
}

const KINDS: Record<string, ContactValues['kind']> = {
  person: 'person',
  personne: 'person',
  particulier: 'person',
  'personne physique': 'person',
  individu: 'person',
  organisation: 'organisation',
  organization: 'organisation',
  organisme: 'organisation',
  structure: 'organisation',
  'personne morale': 'organisation',
};

const CIVILITIES: Record<string, 'M.' | 'Mme'> = {
  m: 'M.',
  'm.': 'M.',
  mr: 'M.',
  'mr.': 'M.',
  monsieur: 'M.',
  mme: 'Mme',
  'mme.': 'Mme',
  madame: 'Mme',
  mlle: 'Mme',
  mademoiselle: 'Mme',
  mrs: 'Mme',
  'mrs.': 'Mme',
  ms: 'Mme',
  'ms.': 'Mme',
};

const ORG_TYPES: Record<string, NonNullable<ContactValues['orgType']>> = {
  association: 'association',
  entreprise: 'company',
  societe: 'company',
  company: 'company',
  institution: 'institution',
  administration: 'institution',
  collectivite: 'institution',
  media: 'media',
  medias: 'media',
  presse: 'media',
  autre: 'other',
  other: 'other',
};

const YES = new Set(['oui', 'o', 'yes', 'y', 'true', 'vrai', '1', 'x']);
const NO = new Set(['non', 'n', 'no', 'false', 'faux', '0', '']);

/** Longest value each text field accepts: the contract's limits (contracts/src/directory.ts). */
const MAX: Partial<Record<keyof ContactDraft, number>> = {
  firstName: 120,
  lastName: 120,
  name: 200,
  formOfAddress: 200,
  jobTitle: 200,
  employer: 200,
  notes: 10_000,
  source: 200,
  externalId: 200,
};

/**
 * Checks one draft the way the contact form's contract does (names, e-mails, phones in E.164
 * with the organisation's region, 5-digit postcodes, known kinds, civilities, consent values
 * and dates): the checked contact, or every error of the row with the field at fault.
 */
export function checkDraft(
  draft: ContactDraft,
  region: CountryCode,
  defaults: { source: string },
): CheckedContact | TImportRowError[] {
  const errors: TImportRowError[] = [];
  const fail = (field: string, message: string) => errors.push({ row: draft.line, field, message });
  const text = (field: keyof ContactDraft): string | null => {
    const raw = draft[field];
    const value = typeof raw === 'string' ? raw.trim() : '';
    if (!value) return null;
    const max = MAX[field] ?? 200;
    if (value.length > max) fail(field, `Valeur trop longue (${max} caractères au plus).`);
    return value;
  };

  const firstName = text('firstName');
  const lastName = text('lastName');
  const employer = text('employer');
  const rawKind = text('kind');
  // « Association », « Entreprise »… in the type column: an organisation of that type.
  const kindAsOrgType = rawKind ? (ORG_TYPES[sortKey(rawKind)] ?? null) : null;
  const statedKind = rawKind ? (KINDS[sortKey(rawKind)] ?? (kindAsOrgType ? 'organisation' : null)) : null;
  if (rawKind && !statedKind) {
    fail('kind', `Type de contact inconnu : « ${rawKind} » (attendu « personne » ou « organisme »).`);
  }
  // A mixed list names its organisations in the « Organisme » column, read as the employer
  // of its people: for an organisation row it is the organisation's own name.
  const name = text('name') ?? (statedKind === 'organisation' ? employer : null);
  // No type column: a row with an organisation's name and no last name is an organisation.
  const kind: ContactValues['kind'] = statedKind ?? (name && !lastName ? 'organisation' : 'person');
  if (kind === 'person' && !lastName) fail('lastName', 'Le nom de famille est obligatoire.');
  if (kind === 'organisation' && !name) fail('name', 'Le nom de l’organisme est obligatoire.');

  let civility: 'M.' | 'Mme' | null = null;
  const rawCivility = text('civility');
  if (rawCivility) {
    civility = CIVILITIES[sortKey(rawCivility)] ?? null;
    if (!civility) fail('civility', `Civilité inconnue : « ${rawCivility} » (attendu « M. » ou « Mme »).`);
  }
  let orgType: ContactValues['orgType'] = kindAsOrgType;
  const rawOrgType = text('orgType');
  if (rawOrgType) {
    orgType = ORG_TYPES[sortKey(rawOrgType)] ?? null;
    if (!orgType) {
      fail(
        'orgType',
        `Type d’organisme inconnu : « ${rawOrgType} » (association, entreprise, institution, média, autre).`,
      );
    }
  }

  const emails: ContactValues['emails'] = [];
  for (const e of draft.emails) {
    const value = e.value.trim();
    if (!value) continue;
    const parsed = ZContactEmail.shape.email.safeParse(value);
    if (!parsed.success) fail(e.field, `Adresse e-mail invalide : « ${value} ».`);
    else if (!emails.some((x) => x.email === parsed.data)) emails.push({ label: e.label ?? null, email: parsed.data });
  }
  const phones: ContactValues['phones'] = [];
  for (const p of draft.phones) {
    const value = p.value.trim();
    if (!value) continue;
    const number = value.length <= 40 ? normalisePhone(value, region) : null;
    if (!number) fail(p.field, `Numéro de téléphone invalide : « ${value} ».`);
    else if (!phones.some((x) => x.number === number)) phones.push({ label: p.label ?? null, number });
  }
  const addresses: TPostalAddress[] = [];
  for (const a of draft.addresses) {
    const line1 = a.line1?.trim() ?? '';
    const line2 = a.line2?.trim() ?? '';
    const postcode = a.postcode?.trim() ?? '';
    const city = a.city?.trim() ?? '';
    const country = a.country?.trim() ?? '';
    if (!line1 && !line2 && !postcode && !city) continue;
    const at = (part: string) => a.field ?? part;
    if (postcode && !/^\d{5}$/.test(postcode)) {
      fail(at('postcode'), `Code postal invalide : « ${postcode} » (5 chiffres).`);
      continue;
    }
    // The contact form's rule: an address has its street, postcode and town.
    const missing = !line1 ? 'addressLine1' : !postcode ? 'postcode' : !city ? 'city' : null;
    if (missing) {
      const what = { addressLine1: 'la rue', postcode: 'le code postal', city: 'la ville' }[missing];
      fail(at(missing), `Adresse incomplète : il manque ${what}.`);
      continue;
    }
    addresses.push({
      label: a.label ?? null,
      line1: line1.slice(0, 200),
      line2: line2 ? line2.slice(0, 200) : null,
      postcode,
      city: city.slice(0, 120),
      country: country ? country.slice(0, 80) : null,
    });
  }

  let consent = false;
  const rawConsent = text('consent');
  if (rawConsent !== null) {
    const k = sortKey(rawConsent);
    if (YES.has(k)) consent = true;
    else if (!NO.has(k)) fail('consent', `Consentement illisible : « ${rawConsent} » (attendu oui ou non).`);
  }
  let consentDate: string | null = null;
  const rawDate = text('consentDate');
  if (rawDate) {
    consentDate = parseRneDate(rawDate);
    if (!consentDate) fail('consentDate', `Date invalide : « ${rawDate} » (attendu jj/mm/aaaa ou aaaa-mm-jj).`);
  }
  const tags = [...new Set(draft.tags.map((t) => t.trim()).filter(Boolean))];
  const longTag = tags.find((t) => t.length > 60);
  if (longTag) fail('tags', `Étiquette trop longue (60 caractères au plus) : « ${longTag.slice(0, 60)}… ».`);
  if (tags.length > 50) fail('tags', 'Au plus 50 étiquettes par contact.');
  const externalId = text('externalId');
  const notes = text('notes');
  const source = text('source');
  const formOfAddress = text('formOfAddress');
  const jobTitle = text('jobTitle');
  if (errors.length > 0) return errors;

  const names = contactNames({ kind, firstName, lastName, name });
  // The natural key of the row: the file's own identifier, else the first e-mail, else the
  // names and the postcode (two Jean Martin of different towns stay two contacts).
  const key = externalId
    ? `id:${externalId}`
    : emails[0]
      ? `email:${emails[0].email}`
      : `name:${kind}|${names.sortName}|${addresses[0]?.postcode ?? ''}`;
  return {
    line: draft.line,
    key,
    territory: text('territory'),
    values: {
      kind,
      civility: kind === 'person' ? civility : null,
      firstName: kind === 'person' ? firstName : null,
      lastName: kind === 'person' ? lastName : null,
      name: kind === 'organisation' ? name : null,
      orgType: kind === 'organisation' ? orgType : null,
      formOfAddress,
      jobTitle,
      employer: kind === 'person' ? employer : null,
      addresses,
      emails,
      phones,
      tags,
      notes,
      source: source ?? defaults.source,
      consent,
      // As the contact form does: consent given without a date is given today.
      consentDate: consentDate ?? (consent ? today() : null),
      ...names,
    },
  };
}
