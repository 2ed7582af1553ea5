// Correspondence items as a town hall registers them, one row at a time (streamed: a million
// rows never sit in memory). Rows come in the order of their registration, so each register
// (direction, year) numbers them 1, 2, 3… as the product's counters would.
import type { TConfidentiality } from '@dircab/contracts';
import { formatRegistrationNumber } from '../../../server/src/modules/correspondence/numbering';
import type { Random } from './random';
import { uuidV7At } from './random';
import { CABINET_SUBJECTS, fill, letterBody, NEIGHBOURHOODS, SUBJECTS } from './vocabulary';

/** What of the organisation the items refer to (read from the seeded database). */
export interface ItemContext {
  orgId: string;
  services: readonly { id: string; topics: readonly string[] }[];
  territories: readonly { id: string; name: string }[];
  typeIds: readonly string[];
  /** Cabinet members: who registers and who is named on restricted items. */
  cabinetUserIds: readonly string[];
  /** The address book: contact `i` of `count` (its id and the name a letter would carry). */
  contacts: { count: number; at(index: number): { id: string; name: string } };
  formats: { in: string; out: string };
  /** Numbers already given per `direction:year` (the demo's own items): the rows follow them. */
  lastSequences: ReadonlyMap<string, number>;
  /** The first and last instants of the history (ms). */
  from: number;
  to: number;
}

export interface ItemRow {
  id: string;
  org_id: string;
  direction: 'in' | 'out';
  registration_number: string;
  year: number;
  sequence: number;
  channel: string;
  type_id: string | null;
  subject: string;
  body: string;
  received_at: string;
  sender_contact_id: string | null;
  sender_name: string;
  sender_email: string | null;
  topic: string | null;
  territory_id: string | null;
  priority: string;
  confidentiality: TConfidentiality;
  members: string[];
  status: string;
  due_date: string | null;
  service_ids: string[];
  lead_service_id: string | null;
}

const CHANNELS = [
  ['postal', 30],
  ['email', 38],
  ['web_form', 14],
  ['phone', 8],
  ['visit', 5],
  ['social', 5],
] as const;
const OPEN_STATUSES = [
  ['registered', 3],
  ['routed', 4],
  ['in_progress', 5],
  ['reply_drafted', 2],
  ['in_review', 1],
  ['to_sign', 1],
  ['waiting_info', 1],
] as const;
const DONE_STATUSES = [
  ['closed', 70],
  ['sent', 10],
  ['closed_without_reply', 15],
  ['forwarded', 5],
] as const;
const PRIORITIES = [
  ['low', 10],
  ['normal', 75],
  ['high', 12],
  ['urgent', 3],
] as const;
/** Nouméa keeps UTC+11 all year: the register's year is the local one. */
const NOUMEA_OFFSET_MS = 11 * 3600_000;
const DAY_MS = 86_400_000;

/** A generator of `count` items over the context's history, in registration order. */
export function* itemRows(random: Random, context: ItemContext, count: number): Generator<ItemRow> {
  const sequences = new Map(context.lastSequences);
  const span = context.to - context.from;
  const topics = context.services.flatMap((s) => s.topics.filter((t) => SUBJECTS[t]).map((t) => [t, s.id] as const));
  for (let i = 0; i < count; i++) {
    // Evenly spread, each a little later than the one before: registration order is time order.
    const at = context.from + Math.floor(((i + random.next() * 0.9) / count) * span);
    const direction = random.chance(0.82) ? 'in' : 'out';
    const year = new Date(at + NOUMEA_OFFSET_MS).getUTCFullYear();
    const key = `${direction}:${year}`;
    const sequence = (sequences.get(key) ?? 0) + 1;
    sequences.set(key, sequence);
    const neighbourhood = random.pick(NEIGHBOURHOODS);
    const territory = context.territories.find((t) => t.name === neighbourhood) ?? null;
    const handled = topics.length > 0 && random.chance(0.8) ? random.pick(topics) : null;
    const subject = fill(
      handled ? random.pick(SUBJECTS[handled[0]] ?? []) : random.pick(CABINET_SUBJECTS),
      neighbourhood,
      1 + random.int(120),
    );
    const known = context.contacts.count > 0 && random.chance(0.85);
    const contact = known ? context.contacts.at(random.int(context.contacts.count)) : null;
    const ageDays = (context.to - at) / DAY_MS;
    // What is older than three months is nearly all dealt with; the recent mail is in the circuit.
    const open = ageDays < 90 ? random.chance(0.7) : random.chance(0.02);
    const status = open ? random.weighted(OPEN_STATUSES) : random.weighted(DONE_STATUSES);
    const confidentiality: TConfidentiality = random.chance(0.02)
      ? 'confidential'
      : random.chance(0.06)
        ? 'restricted'
        : 'normal';
    const routed = handled && status !== 'registered';
    const writer = contact?.name ?? `Habitant de ${neighbourhood}`;
    const body = letterBody(random.pick, random.int, writer, neighbourhood);
    yield {
      id: uuidV7At(at, random),
      org_id: context.orgId,
      direction,
      registration_number: formatRegistrationNumber(context.formats[direction], year, sequence),
      year,
      sequence,
      channel: direction === 'out' ? random.pick(['postal', 'email'] as const) : random.weighted(CHANNELS),
      type_id:
        context.typeIds.length > 0 && direction === 'in' && random.chance(0.6) ? random.pick(context.typeIds) : null,
      subject,
      body,
      received_at: new Date(at).toISOString(),
      sender_contact_id: contact?.id ?? null,
      sender_name: writer,
      sender_email: null,
      topic: handled?.[0] ?? null,
      territory_id: territory?.id ?? null,
      priority: random.weighted(PRIORITIES),
      confidentiality,
      members: confidentiality === 'normal' ? [] : [random.pick(context.cabinetUserIds)],
      status,
      due_date:
        direction === 'in' && open ? new Date(at + NOUMEA_OFFSET_MS + 30 * DAY_MS).toISOString().slice(0, 10) : null,
      service_ids: routed ? [handled[1]] : [],
      lead_service_id: routed ? handled[1] : null,
    };
  }
}

/** The last number of each register once `rows` were generated (the counters' table). */
export function registerKey(row: Pick<ItemRow, 'direction' | 'year'>): string {
  return `${row.direction}:${row.year}`;
}
