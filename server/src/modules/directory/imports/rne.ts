import type { TMandateBody, TMandateFunction } from '@dircab/contracts';
import { sortKey } from '../contact-names';
import type { CsvRecord } from './csv';

// The Répertoire National des Élus: one file per kind of mandate, whose format changed
// between releases (quoting, dd/mm/yyyy or ISO dates, leading zeros, line endings). Columns
// are found by their header, accents and case ignored.

/** Header → the key it is read as. */
const COLUMNS = {
  departmentCode: 'code du departement',
  departmentName: 'libelle du departement',
  collectivityCode: 'code de la collectivite a statut particulier',
  collectivityName: 'libelle de la collectivite a statut particulier',
  sectionName: 'libelle de la section - collectivite a statut particulier',
  communeCode: 'code de la commune',
  communeName: 'libelle de la commune',
  cantonCode: 'code du canton',
  lastName: "nom de l'elu",
  firstName: "prenom de l'elu",
  sex: 'code sexe',
  birthDate: 'date de naissance',
  mandateStart: 'date de debut du mandat',
  functionLabel: 'libelle de la fonction',
  functionStart: 'date de debut de la fonction',
} as const;
type Column = keyof typeof COLUMNS;

const REQUIRED: Column[] = ['lastName', 'firstName', 'birthDate', 'mandateStart'];

const headerKey = (s: string) => sortKey(s).replace(/[’`]/g, "'");

export type RneKind = 'maires' | 'conseillers_departementaux' | 'assemblees';

export interface RneLayout {
  kind: RneKind;
  index: Partial<Record<Column, number>>;
}

/** Reads the header: the layout, or the French list of what is missing. */
export function rneLayout(header: readonly string[]): RneLayout | { missing: string[] } {
  const keys = header.map(headerKey);
  const index: Partial<Record<Column, number>> = {};
  for (const [column, name] of Object.entries(COLUMNS) as [Column, string][]) {
    const at = keys.indexOf(name);
    if (at >= 0) index[column] = at;
  }
  const missing = REQUIRED.filter((c) => index[c] === undefined).map((c) => `« ${COLUMNS[c]} »`);
  const kind: RneKind | null =
    index.communeCode !== undefined
      ? 'maires'
      : index.cantonCode !== undefined && index.departmentCode !== undefined
        ? 'conseillers_departementaux'
        : index.collectivityCode !== undefined
          ? 'assemblees'
          : null;
  if (!kind)
    missing.push('« code de la commune », « code du canton » ou « code de la collectivité à statut particulier »');
  if (missing.length > 0 || !kind) return { missing };
  return { kind, index };
}

/** `dd/mm/yyyy` or ISO `yyyy-mm-dd` → ISO, or null when not a real date. */
export function parseRneDate(raw: string): string | null {
  const s = raw.trim();
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  let y: number;
  let mo: number;
  let d: number;
  if (m) {
    d = Number(m[1]);
    mo = Number(m[2]);
    y = Number(m[3]);
  } else {
    m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(s);
    if (!m) return null;
    y = Number(m[1]);
    mo = Number(m[2]);
    d = Number(m[3]);
  }
  if (y < 1000 || mo < 1 || mo > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > days) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * INSEE codes lose their leading zeros in some releases: a département is 2 characters (or 3
 * overseas: 971…988), a commune 5; Corsica's 2A/2B are letters.
 */
export function normaliseCode(raw: string, width: 2 | 5): string {
  const s = raw.trim().toUpperCase();
  if (!/^\d+$/.test(s)) return s;
  return s.padStart(width, '0');
}

/** Codes compare without their leading zeros: an organisation may have typed "5" or "05". */
export const sameCode = (a: string, b: string) =>
  a
    .trim()
    .toUpperCase()
    .replace(/^0+(?=.)/, '') ===
  b
    .trim()
    .toUpperCase()
    .replace(/^0+(?=.)/, '');

export interface RneMandate {
  line: number;
  lastName: string;
  firstName: string;
  civility: 'M.' | 'Mme' | null;
  birthDate: string;
  function: TMandateFunction;
  rank: number | null;
  label: string;
  body: TMandateBody;
  bodyName: string;
  collectivityCode: string;
  collectivityName: string;
  startDate: string;
  /** Natural keys: the person (names and birth date), and the mandate (person, body, code, start). */
  personKey: string;
  mandateKey: string;
}

const ORDINAL = /^(\d+)\s*(?:er|ere|re|e|eme|ème|nd|nde)?\b/i;

function functionOf(
  kind: RneKind,
  label: string,
  body: TMandateBody,
): { function: TMandateFunction; rank: number | null } {
  const key = sortKey(label);
  const rankMatch = ORDINAL.exec(key);
  const rank = rankMatch ? Number(rankMatch[1]) : null;
  if (kind === 'maires') return { function: 'maire', rank: null };
  if (key.includes('vice-president')) return { function: 'vice_president', rank };
  if (key.includes('president')) return { function: 'president', rank: null };
  if (kind === 'conseillers_departementaux') return { function: 'conseiller_departemental', rank: null };
  if (body === 'congres') return { function: 'membre_congres', rank: null };
  if (body === 'assemblee_province') return { function: 'membre_assemblee_province', rank: null };
  return { function: 'other', rank: null };
}

const DEFAULT_LABEL: Record<RneKind, string> = {
  maires: 'Maire',
  conseillers_departementaux: 'Conseiller départemental',
  assemblees: 'Membre de l’assemblée',
};

/** One data row → a mandate, or the French reason it cannot be read. */
export function readRneRow(layout: RneLayout, record: CsvRecord): RneMandate | { error: string } {
  const get = (c: Column) => {
    const at = layout.index[c];
    return at === undefined ? '' : (record.fields[at] ?? '').trim();
  };
  const lastName = get('lastName');
  const firstName = get('firstName');
  if (!lastName) return { error: 'Le nom de l’élu est vide.' };
  if (!firstName) return { error: 'Le prénom de l’élu est vide.' };
  const birthDate = parseRneDate(get('birthDate'));
  if (!birthDate)
    return { error: `Date de naissance invalide : « ${get('birthDate')} » (attendu jj/mm/aaaa ou aaaa-mm-jj).` };
  const startDate = parseRneDate(get('mandateStart'));
  if (!startDate) {
    return {
      error: `Date de début du mandat invalide : « ${get('mandateStart')} » (attendu jj/mm/aaaa ou aaaa-mm-jj).`,
    };
  }
  let body: TMandateBody;
  let collectivityCode: string;
  let collectivityName: string;
  let bodyName: string;
  if (layout.kind === 'maires') {
    collectivityCode = normaliseCode(get('communeCode'), 5);
    collectivityName = get('communeName');
    body = 'conseil_municipal';
    bodyName = `Conseil municipal de ${collectivityName}`;
    if (!get('communeCode')) return { error: 'Le code de la commune est vide.' };
  } else if (layout.kind === 'conseillers_departementaux') {
    collectivityCode = normaliseCode(get('departmentCode'), 2);
    collectivityName = get('departmentName');
    body = 'conseil_departemental';
    bodyName = `Conseil départemental ${collectivityName ? `(${collectivityName})` : ''}`.trim();
    if (!get('departmentCode')) return { error: 'Le code du département est vide.' };
  } else {
    collectivityCode = get('collectivityCode');
    collectivityName = get('collectivityName');
    const section = get('sectionName');
    const s = sortKey(section);
    body = s.includes('congres') ? 'congres' : s.includes('province') ? 'assemblee_province' : 'other';
    bodyName = section || `Assemblée de la collectivité ${collectivityName}`.trim();
    if (!collectivityCode) return { error: 'Le code de la collectivité est vide.' };
  }
  const label = get('functionLabel') || DEFAULT_LABEL[layout.kind];
  const sex = get('sex').toUpperCase();
  const personKey = [sortKey(lastName), sortKey(firstName), birthDate].join('|');
  return {
    line: record.line,
    lastName,
    firstName,
    civility: sex === 'M' ? 'M.' : sex === 'F' ? 'Mme' : null,
    birthDate,
    ...functionOf(layout.kind, label, body),
    label,
    body,
    bodyName,
    collectivityCode,
    collectivityName,
    startDate,
    personKey,
    // A New Caledonian member sits in a provincial assembly and in the Congress from the same
    // day: the two rows differ only by the function's wording, which then joins the key.
    mandateKey: [
      'rne',
      personKey,
      body,
      collectivityCode.replace(/^0+(?=.)/, ''),
      startDate,
      ...(layout.kind === 'assemblees' ? [sortKey(get('functionLabel'))] : []),
    ].join('|'),
  };
}
