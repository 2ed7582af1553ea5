import { type ContactDraft, emptyDraft } from './contact-draft';
import { splitValue, unescapeText, type VCard, type VProperty } from './vcard';

// How a card becomes a contact draft: N, FN, ORG, TITLE, EMAIL, TEL (its TYPE as the label),
// ADR, NOTE, CATEGORIES, 4.0's KIND and UID (the natural key of a re-import).

/** Draft field → the card property a user would fix, for error reports. */
export const VCARD_FIELD_OF: Record<string, string> = {
  externalId: 'UID',
  kind: 'KIND',
  civility: 'N',
  firstName: 'N',
  lastName: 'N',
  name: 'ORG',
  jobTitle: 'TITLE',
  employer: 'ORG',
  notes: 'NOTE',
  tags: 'CATEGORIES',
};

const LABELS: Record<string, string> = {
  cell: 'Portable',
  mobile: 'Portable',
  work: 'Travail',
  home: 'Domicile',
  fax: 'Fax',
};

/** The first TYPE that names a place or a device, in French. */
function labelOf(p: VProperty): string | null {
  for (const t of p.params.TYPE ?? []) {
    for (const part of t.split(',')) {
      const label = LABELS[part.trim()];
      if (label) return label;
    }
  }
  return null;
}

const text = (p: VProperty | undefined) => (p ? unescapeText(p.raw).trim() : '');

export function draftFromVcard(card: VCard): ContactDraft {
  const draft = emptyDraft(card.line);
  const first = (name: string) => card.properties.find((p) => p.name === name);
  const all = (name: string) => card.properties.filter((p) => p.name === name);

  const kind = text(first('KIND')).toLowerCase();
  const showAs = text(first('X-ABSHOWAS')).toLowerCase();
  const isOrg = kind === 'org' || kind === 'organization' || showAs === 'company';
  if (kind && !isOrg && kind !== 'individual') draft.kind = kind;
  if (isOrg) draft.kind = 'organisation';

  const n = first('N');
  const [family = '', given = '', additional = '', prefix = ''] = n ? splitValue(n.raw, ';') : [];
  const org = first('ORG');
  const orgName = org
    ? splitValue(org.raw, ';')
        .map((s) => s.trim())
        .filter(Boolean)
        .join(' — ')
    : '';
  const fn = text(first('FN'));
  if (isOrg) {
    draft.name = orgName || fn;
  } else {
    draft.lastName = family.trim() || (given.trim() ? '' : fn);
    draft.firstName = [given, additional]
      .map((s) => s.trim())
      .filter(Boolean)
      .join(' ');
    if (prefix.trim()) draft.civility = prefix.trim();
    if (orgName) draft.employer = orgName;
  }
  const title = text(first('TITLE')) || text(first('ROLE'));
  if (title) draft.jobTitle = title;
  const uid = text(first('UID'));
  if (uid) draft.externalId = uid;
  const notes = all('NOTE').map(text).filter(Boolean).join('\n');
  if (notes) draft.notes = notes;
  for (const c of all('CATEGORIES')) draft.tags.push(...splitValue(c.raw, ','));

  for (const e of all('EMAIL')) draft.emails.push({ field: 'EMAIL', label: labelOf(e), value: text(e) });
  for (const t of all('TEL')) {
    // 4.0 writes numbers as URIs: tel:+33-6-12-34-56-78.
    const value = text(t).replace(/^tel:/i, '');
    draft.phones.push({ field: 'TEL', label: labelOf(t), value });
  }
  for (const a of all('ADR')) {
    const [, extended = '', street = '', locality = '', , postcode = '', country = ''] = splitValue(a.raw, ';');
    const [line1 = '', ...more] = street.split('\n');
    draft.addresses.push({
      field: 'ADR',
      label: labelOf(a),
      line1,
      line2: [...more, extended]
        .map((s) => s.trim())
        .filter(Boolean)
        .join(', '),
      postcode,
      city: locality,
      country,
    });
  }
  return draft;
}

/** The card's properties as the preview shows them: one readable string per property name. */
export function previewCells(card: VCard, columns: readonly string[]): string[] {
  return columns.map((name) =>
    card.properties
      .filter((p) => p.name === name)
      .map((p) =>
        ['N', 'ADR', 'ORG'].includes(p.name)
          ? splitValue(p.raw, ';')
              .map((s) => s.trim())
              .filter(Boolean)
              .join(' ')
          : unescapeText(p.raw).trim(),
      )
      .join(' | '),
  );
}
