// Events, cases and notes around the register, in proportion to it (scales.ts), spread over
// the same years; streamed one row at a time like the items.
import type { TConfidentiality } from '@dircab/contracts';
import { CASE_KINDS, CASE_STATUSES, RISK_LEVELS } from '@dircab/contracts/cases';
import { NOTE_KINDS } from '@dircab/contracts/notes';
import type { Random } from './random';
import { uuidV7At } from './random';
import { CASE_TITLES, EVENT_TITLES, fill, NEIGHBOURHOODS, NOTE_TITLES } from './vocabulary';

export interface RecordContext {
  orgId: string;
  /** Officials with their user account when they have one. */
  officials: readonly { id: string; userId: string | null }[];
  cabinetUserIds: readonly string[];
  /** The executive, to whom notes are addressed. */
  executiveUserId: string;
  contacts: { count: number; at(index: number): { id: string; name: string } };
  from: number;
  to: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const NOUMEA_OFFSET_MS = 11 * HOUR_MS;
const spreadAt = (context: RecordContext, i: number, count: number, random: Random) =>
  context.from + Math.floor(((i + random.next() * 0.9) / count) * (context.to - context.from));
const someContact = (context: RecordContext, random: Random) =>
  context.contacts.count > 0 ? context.contacts.at(random.int(context.contacts.count)) : null;

export interface EventRow {
  id: string;
  org_id: string;
  title: string;
  kind: string;
  visibility: string;
  starts_at: string;
  ends_at: string;
  time_zone: string;
  place_label: string;
  attendee_official_ids: string[];
  attendee_contact_ids: string[];
  created_by: string;
}

/** Timed events on weekdays' office hours (Nouméa time), one or two officials each. */
export function* eventRows(random: Random, context: RecordContext, count: number): Generator<EventRow> {
  for (let i = 0; i < count; i++) {
    const day = Math.floor((spreadAt(context, i, count, random) + NOUMEA_OFFSET_MS) / DAY_MS) * DAY_MS;
    const start = day - NOUMEA_OFFSET_MS + (7 + random.int(11)) * HOUR_MS + random.pick([0, 30]) * 60_000;
    const officials = context.officials.length > 0 ? [random.pick(context.officials).id] : [];
    if (context.officials.length > 1 && random.chance(0.3)) {
      const other = random.pick(context.officials).id;
      if (!officials.includes(other)) officials.push(other);
    }
    const neighbourhood = random.pick(NEIGHBOURHOODS);
    const contact = random.chance(0.3) ? someContact(context, random) : null;
    yield {
      id: uuidV7At(start, random),
      org_id: context.orgId,
      title: fill(random.pick(EVENT_TITLES), neighbourhood, 0),
      kind: random.pick(['meeting', 'meeting', 'trip', 'ceremony', 'office_hours', 'internal'] as const),
      visibility: random.pick(['public', 'internal', 'internal', 'private'] as const),
      starts_at: new Date(start).toISOString(),
      ends_at: new Date(start + (1 + random.int(3)) * HOUR_MS).toISOString(),
      time_zone: 'Pacific/Noumea',
      place_label: `Mairie annexe de ${neighbourhood}`,
      attendee_official_ids: officials,
      attendee_contact_ids: contact ? [contact.id] : [],
      created_by: random.pick(context.cabinetUserIds),
    };
  }
}

export interface CaseRow {
  id: string;
  org_id: string;
  kind: string;
  title: string;
  summary: string;
  status: string;
  owner_id: string;
  confidentiality: TConfidentiality;
  members: string[];
  viewers: string[];
  topics: string[];
  risk_level: string;
  escalated_at: string | null;
  closed_at: string | null;
  created_by: string;
  created_at: string;
  /** The person the case is about (a `contact` link). */
  contact_id: string | null;
}

export function* caseRows(random: Random, context: RecordContext, count: number): Generator<CaseRow> {
  for (let i = 0; i < count; i++) {
    const at = spreadAt(context, i, count, random);
    const recent = context.to - at < 120 * DAY_MS;
    const status = recent ? random.pick(CASE_STATUSES) : random.chance(0.9) ? 'closed' : random.pick(CASE_STATUSES);
    const owner = random.pick(context.cabinetUserIds);
    const confidentiality: TConfidentiality = random.chance(0.05) ? 'confidential' : 'normal';
    const contact = someContact(context, random);
    const risk = random.weighted(RISK_LEVELS.map((r, k) => [r, [60, 25, 12, 3][k] ?? 1] as const));
    yield {
      id: uuidV7At(at, random),
      org_id: context.orgId,
      kind: random.pick(CASE_KINDS),
      title: fill(random.pick(CASE_TITLES), random.pick(NEIGHBOURHOODS), 0),
      summary: contact ? `Dossier suivi pour ${contact.name}.` : 'Dossier suivi par le cabinet.',
      status,
      owner_id: owner,
      confidentiality,
      members: [owner],
      viewers: [owner],
      topics: [random.pick(['voirie', 'logement', 'écoles', 'associations', 'urbanisme'] as const)],
      risk_level: risk,
      // The mayor's alert feed: a few open cases of high risk were escalated.
      escalated_at:
        status !== 'closed' && risk !== 'low' && random.chance(0.2) ? new Date(at + DAY_MS).toISOString() : null,
      closed_at: status === 'closed' ? new Date(at + (5 + random.int(60)) * DAY_MS).toISOString() : null,
      created_by: owner,
      created_at: new Date(at).toISOString(),
      contact_id: contact?.id ?? null,
    };
  }
}

export interface NoteRow {
  id: string;
  org_id: string;
  kind: string;
  title: string;
  addressee_id: string;
  author_id: string;
  body_html: string;
  status: string;
  confidentiality: TConfidentiality;
  members: string[];
  transmitted_at: string | null;
  created_at: string;
}

export function* noteRows(random: Random, context: RecordContext, count: number): Generator<NoteRow> {
  for (let i = 0; i < count; i++) {
    const at = spreadAt(context, i, count, random);
    const author = random.pick(context.cabinetUserIds);
    const neighbourhood = random.pick(NEIGHBOURHOODS);
    const status = random.weighted([
      ['draft', 5],
      ['in_review', 3],
      ['validated', 2],
      ['transmitted', 5],
      ['read', 30],
      ['answered', 55],
    ] as const);
    yield {
      id: uuidV7At(at, random),
      org_id: context.orgId,
      kind: random.pick(NOTE_KINDS),
      title: fill(random.pick(NOTE_TITLES), neighbourhood, 0),
      addressee_id: context.executiveUserId,
      author_id: author,
      body_html: `<p>Madame le Maire,</p><p>Le dossier de ${neighbourhood} appelle votre attention : les services proposent une réunion avec les riverains.</p>`,
      status,
      confidentiality: random.chance(0.1) ? 'restricted' : 'normal',
      members: [...new Set([author, context.executiveUserId])],
      transmitted_at: ['transmitted', 'read', 'answered'].includes(status) ? new Date(at + DAY_MS).toISOString() : null,
      created_at: new Date(at).toISOString(),
    };
  }
}
