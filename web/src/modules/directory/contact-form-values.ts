import type { TConfidentiality, TContact, TContactKind, TCreateContact } from '@dircab/contracts';
import { randomId } from '@mantine/hooks';

export interface AddressRow {
  key: string;
  label: string;
  line1: string;
  line2: string;
  postcode: string;
  city: string;
  country: string;
}
export interface EmailRow {
  key: string;
  label: string;
  email: string;
}
export interface PhoneRow {
  key: string;
  label: string;
  number: string;
}

export interface ContactFormValues {
  kind: TContactKind;
  civility: string | null;
  firstName: string;
  lastName: string;
  name: string;
  orgType: string | null;
  formOfAddress: string;
  jobTitle: string;
  employer: string;
  addresses: AddressRow[];
  emails: EmailRow[];
  phones: PhoneRow[];
  territoryId: string | null;
  tags: string[];
  notes: string;
  source: string;
  consent: boolean;
  confidentiality: TConfidentiality;
}

export const newAddress = (): AddressRow => ({
  key: randomId(),
  label: '',
  line1: '',
  line2: '',
  postcode: '',
  city: '',
  country: '',
});
export const newEmail = (): EmailRow => ({ key: randomId(), label: '', email: '' });
export const newPhone = (): PhoneRow => ({ key: randomId(), label: '', number: '' });

/** The form's starting values: a blank person, or the contact being edited. */
export function initialValues(contact?: TContact): ContactFormValues {
  if (!contact) {
    return {
      kind: 'person',
      civility: null,
      firstName: '',
      lastName: '',
      name: '',
      orgType: null,
      formOfAddress: '',
      jobTitle: '',
      employer: '',
      addresses: [],
      emails: [],
      phones: [],
      territoryId: null,
      tags: [],
      notes: '',
      source: '',
      consent: false,
      confidentiality: 'normal',
    };
  }
  return {
    kind: contact.kind,
    civility: contact.civility,
    firstName: contact.firstName ?? '',
    lastName: contact.lastName ?? '',
    name: contact.name ?? '',
    orgType: contact.orgType,
    formOfAddress: contact.formOfAddress ?? '',
    jobTitle: contact.jobTitle ?? '',
    employer: contact.employer ?? '',
    addresses: contact.addresses.map((a) => ({
      key: randomId(),
      label: a.label ?? '',
      line1: a.line1,
      line2: a.line2 ?? '',
      postcode: a.postcode,
      city: a.city,
      country: a.country ?? '',
    })),
    emails: contact.emails.map((e) => ({ key: randomId(), label: e.label ?? '', email: e.email })),
    phones: contact.phones.map((p) => ({ key: randomId(), label: p.label ?? '', number: p.number })),
    territoryId: contact.territoryId,
    tags: contact.tags,
    notes: contact.notes ?? '',
    source: contact.source ?? '',
    consent: contact.consent,
    confidentiality: contact.confidentiality,
  };
}

const text = (s: string) => (s.trim() ? s.trim() : null);

/**
 * The API body. Rows are sent in the form's order, so the server's `addresses.1.postcode`
 * points at the second row on screen. A restricted or confidential contact names its author
 * (the server does not), so that the person who files it keeps seeing it.
 */
export function toPayload(v: ContactFormValues, members: readonly string[], userId: string): TCreateContact {
  const person = v.kind === 'person';
  return {
    kind: v.kind,
    civility: person ? ((v.civility as TCreateContact['civility']) ?? null) : null,
    firstName: person ? text(v.firstName) : null,
    lastName: person ? text(v.lastName) : null,
    name: person ? null : text(v.name),
    orgType: person ? null : ((v.orgType as TCreateContact['orgType']) ?? null),
    formOfAddress: text(v.formOfAddress),
    jobTitle: person ? text(v.jobTitle) : null,
    employer: person ? text(v.employer) : null,
    addresses: v.addresses.map((a) => ({
      label: text(a.label),
      line1: a.line1.trim(),
      line2: text(a.line2),
      postcode: a.postcode.trim(),
      city: a.city.trim(),
      country: text(a.country),
    })),
    emails: v.emails.map((e) => ({ label: text(e.label), email: e.email.trim() })),
    phones: v.phones.map((p) => ({ label: text(p.label), number: p.number.trim() })),
    territoryId: v.territoryId || null,
    tags: v.tags,
    notes: text(v.notes),
    source: text(v.source),
    consent: v.consent,
    confidentiality: v.confidentiality,
    members: v.confidentiality === 'normal' ? [...members] : [...new Set([...members, userId])],
  };
}
