// Events, cases and notes written in batches with the rows their commands would add beside
// them: an official's copy of each event's bounds (the week's index), a case's link to the
// person it is about, a note's first version, and the search rows of indexCase / indexNote.
import { noteText } from '../../../server/src/modules/notes/commands/index-note';
import type { Database } from '../../../server/src/platform/db/client';
import { type Column, insertRows, insertStream } from './bulk-insert';
import type { Random } from './random';
import { uuidV7At } from './random';
import {
  type CaseRow,
  caseRows,
  type EventRow,
  eventRows,
  type NoteRow,
  noteRows,
  type RecordContext,
} from './record-rows';

const SEARCH_COLUMNS: readonly Column[] = [
  ['org_id', 'uuid'],
  ['kind', 'text'],
  ['record_id', 'text'],
  ['title', 'text'],
  ['body', 'text'],
  ['url', 'text'],
  ['confidentiality', 'text'],
  ['members', 'uuid[]'],
];
/** searchConfidentiality / noteSearchConfidentiality: a normal record is found by the cabinet only. */
const searchLevel = (level: string) => (level === 'normal' ? 'restricted' : level);

export async function loadEvents(database: Database, random: Random, context: RecordContext, count: number) {
  return insertStream<EventRow>(
    database,
    'agenda_events',
    [
      ['id', 'uuid'],
      ['org_id', 'uuid'],
      ['title', 'text'],
      ['kind', 'text'],
      ['visibility', 'text'],
      ['starts_at', 'timestamptz'],
      ['ends_at', 'timestamptz'],
      ['time_zone', 'text'],
      ['place_label', 'text'],
      ['attendee_official_ids', 'uuid[]'],
      ['attendee_contact_ids', 'uuid[]'],
      ['created_by', 'uuid'],
    ],
    eventRows(random, context, count),
    (batch) =>
      insertRows(
        database,
        'agenda_event_officials',
        [
          ['org_id', 'uuid'],
          ['event_id', 'uuid'],
          ['official_id', 'uuid'],
          ['starts_at', 'timestamptz'],
          ['ends_at', 'timestamptz'],
        ],
        batch.flatMap((e) =>
          e.attendee_official_ids.map((official) => ({
            org_id: e.org_id,
            event_id: e.id,
            official_id: official,
            starts_at: e.starts_at,
            ends_at: e.ends_at,
          })),
        ),
      ),
  );
}

export async function loadCases(database: Database, random: Random, context: RecordContext, count: number) {
  return insertStream<CaseRow>(
    database,
    'cases',
    [
      ['id', 'uuid'],
      ['org_id', 'uuid'],
      ['kind', 'text'],
      ['title', 'text'],
      ['summary', 'text'],
      ['status', 'text'],
      ['owner_id', 'uuid'],
      ['confidentiality', 'text'],
      ['members', 'uuid[]'],
      ['viewers', 'uuid[]'],
      ['topics', 'text[]'],
      ['risk_level', 'text'],
      ['escalated_at', 'timestamptz'],
      ['closed_at', 'timestamptz'],
      ['created_by', 'uuid'],
      ['created_at', 'timestamptz'],
    ],
    caseRows(random, context, count),
    async (batch) => {
      await insertRows(
        database,
        'case_links',
        [
          ['id', 'uuid'],
          ['org_id', 'uuid'],
          ['case_id', 'uuid'],
          ['kind', 'text'],
          ['record_id', 'uuid'],
          ['created_by', 'uuid'],
          ['created_at', 'timestamptz'],
        ],
        batch
          .filter((c) => c.contact_id)
          .map((c) => ({
            id: uuidV7At(Date.parse(c.created_at), random),
            org_id: c.org_id,
            case_id: c.id,
            kind: 'contact',
            record_id: c.contact_id,
            created_by: c.created_by,
            created_at: c.created_at,
          })),
      );
      await insertRows(
        database,
        'search_index',
        SEARCH_COLUMNS,
        batch.map((c) => ({
          org_id: c.org_id,
          kind: 'case',
          record_id: c.id,
          title: c.title,
          body: [c.summary, c.topics.join(', ')].filter(Boolean).join('\n'),
          url: `/cases/${c.id}`,
          confidentiality: searchLevel(c.confidentiality),
          members: c.viewers,
        })),
      );
    },
  );
}

export async function loadNotes(database: Database, random: Random, context: RecordContext, count: number) {
  return insertStream<NoteRow>(
    database,
    'notes',
    [
      ['id', 'uuid'],
      ['org_id', 'uuid'],
      ['kind', 'text'],
      ['title', 'text'],
      ['addressee_id', 'uuid'],
      ['author_id', 'uuid'],
      ['body_html', 'text'],
      ['status', 'text'],
      ['confidentiality', 'text'],
      ['members', 'uuid[]'],
      ['transmitted_at', 'timestamptz'],
      ['created_at', 'timestamptz'],
    ],
    noteRows(random, context, count),
    async (batch) => {
      await insertRows(
        database,
        'note_versions',
        [
          ['id', 'uuid'],
          ['org_id', 'uuid'],
          ['note_id', 'uuid'],
          ['number', 'int'],
          ['body_html', 'text'],
          ['author_id', 'uuid'],
          ['created_at', 'timestamptz'],
        ],
        batch.map((n) => ({
          id: uuidV7At(Date.parse(n.created_at), random),
          org_id: n.org_id,
          note_id: n.id,
          number: 1,
          body_html: n.body_html,
          author_id: n.author_id,
          created_at: n.created_at,
        })),
      );
      await insertRows(
        database,
        'search_index',
        SEARCH_COLUMNS,
        batch.map((n) => ({
          org_id: n.org_id,
          kind: 'note',
          record_id: n.id,
          title: n.title,
          body: noteText(n.body_html),
          url: `/notes/${n.id}`,
          confidentiality: searchLevel(n.confidentiality),
          members: n.members,
        })),
      );
    },
  );
}
