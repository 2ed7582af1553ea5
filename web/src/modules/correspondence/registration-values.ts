import type {
  TConfidentiality,
  TCorrespondence,
  TCorrespondenceChannel,
  TCreateCorrespondence,
  TUpdateCorrespondence,
} from '@dircab/contracts';
import { localToIso, nowLocal } from './correspondence-rules';

export type TPriority = NonNullable<TCreateCorrespondence['priority']>;

/** The registration form as the screen holds it (empty string: not given). */
export interface RegistrationValues {
  channel: TCorrespondenceChannel;
  contactId: string | null;
  senderName: string;
  senderEmail: string;
  senderPhone: string;
  senderAddress: string;
  subject: string;
  body: string;
  receivedAt: string;
  typeId: string | null;
  topic: string;
  territoryId: string | null;
  priority: TPriority;
  confidentiality: TConfidentiality;
  /** Free labels (the cabinet's triage). */
  tags: string[];
}

export function emptyRegistration(receivedAt: string): RegistrationValues {
  return {
    channel: 'postal',
    contactId: null,
    senderName: '',
    senderEmail: '',
    senderPhone: '',
    senderAddress: '',
    subject: '',
    body: '',
    receivedAt,
    typeId: null,
    topic: '',
    territoryId: null,
    priority: 'normal',
    confidentiality: 'normal',
    tags: [],
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The French messages of the fields the browser checks before sending (the server checks again). */
export const registrationRules = {
  senderName: (v: string) => (v.trim() ? null : 'correspondence.register.errors.senderName'),
  senderEmail: (v: string) => (!v.trim() || EMAIL.test(v.trim()) ? null : 'correspondence.register.errors.email'),
  subject: (v: string) => (v.trim() ? null : 'correspondence.register.errors.subject'),
  receivedAt: (v: string) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) ? null : 'correspondence.register.errors.receivedAt',
};

const orNull = (v: string) => v.trim() || null;

/** The API's create body: the writer as typed (matched to the directory by the server). */
export function toCreateBody(v: RegistrationValues, timeZone: string): TCreateCorrespondence {
  return {
    direction: 'in',
    channel: v.channel,
    sender: {
      name: v.senderName.trim(),
      email: orNull(v.senderEmail),
      phone: orNull(v.senderPhone),
      address: orNull(v.senderAddress),
    },
    subject: v.subject.trim(),
    body: v.body.trim(),
    receivedAt: localToIso(v.receivedAt, timeZone),
    typeId: v.typeId,
    topic: orNull(v.topic),
    territoryId: v.territoryId,
    priority: v.priority,
    confidentiality: v.confidentiality,
    tags: v.tags,
  };
}

/** The update body: the same fields, the direction aside (an item keeps it). */
export function toUpdateBody(v: RegistrationValues, timeZone: string): TUpdateCorrespondence {
  const { direction: _direction, ...fields } = toCreateBody(v, timeZone);
  return fields;
}

/** A registered item's values in the form (its reception time in the organisation's zone). */
export function valuesOf(item: TCorrespondence, timeZone: string): RegistrationValues {
  return {
    channel: item.channel,
    contactId: null,
    senderName: item.sender.name,
    senderEmail: item.sender.email ?? '',
    senderPhone: item.sender.phone ?? '',
    senderAddress: item.sender.address ?? '',
    subject: item.subject,
    body: item.body,
    receivedAt: nowLocal(timeZone, new Date(item.receivedAt)),
    typeId: item.typeId,
    topic: item.topic ?? '',
    territoryId: item.territoryId,
    priority: item.priority,
    confidentiality: item.confidentiality,
    // An item cached before tags existed has none.
    tags: item.tags ?? [],
  };
}
