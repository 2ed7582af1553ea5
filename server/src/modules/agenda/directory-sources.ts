import { ANONYMISED_NAME } from '@dircab/contracts';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../platform/db/client';
import type { Actor } from '../../platform/policy/actor';
import { columnLink, type MergePair, registerContactLink } from '../directory/merge/contact-link-registry';
import { registerPersonalDataSource } from '../directory/privacy/personal-data-sources';
import { registerTimelineSource, type TimelineFetch, type TimelineItem } from '../directory/timeline/timeline-registry';
import { AGENDA_ROLES, eventDetailsVisible, seesEventDetails } from './agenda.policy';
import { agendaEvents, agendaInvitations } from './agenda.schema';
import { loadOfficials } from './officials-index';
import { eventRecordOf } from './present-event';
import { selectEvents } from './queries/event-rows';

/** Events naming the contact among their attendees (an array: moved by replacing the element). */
const attendeeLink = {
  name: 'agenda_attendees',
  async move(tx: Queryable, pair: MergePair) {
    const rows = await queryRows<{ id: string; before: string[] }>(
      tx,
      sql`update agenda_events e set attendee_contact_ids = array(
            select distinct x from unnest(array_replace(e.attendee_contact_ids, ${pair.duplicateId}::uuid, ${pair.keptId}::uuid)) x)
          from (select id, attendee_contact_ids as before from agenda_events
                where org_id = ${pair.orgId} and attendee_contact_ids @> array[${pair.duplicateId}::uuid]) old
          where e.id = old.id returning e.id::text as id, old.before::text[] as before`,
    );
    return rows;
  },
  async restore(tx: Queryable, pair: MergePair, moved: unknown[]) {
    for (const m of moved as { id: string; before: string[] }[]) {
      await tx
        .update(agendaEvents)
        .set({ attendeeContactIds: m.before })
        .where(and(eq(agendaEvents.orgId, pair.orgId), eq(agendaEvents.id, m.id)));
    }
  },
};

/** What the agenda holds on a person, as the actor may see it: events attended, invitations organised. */
async function agendaOfContact(db: Queryable, actor: Actor, contactId: string) {
  if (!AGENDA_ROLES.read.includes(actor.role)) return { events: [], invitations: [] };
  const officials = await loadOfficials(db, actor);
  const events = (
    await selectEvents(
      db,
      and(
        eq(agendaEvents.orgId, actor.orgId),
        // `@>`, not `= any`: the form agenda_events_attendee_contacts_idx (GIN) serves.
        sql`${agendaEvents.attendeeContactIds} @> array[${contactId}::uuid]`,
      ) as SQL,
    )
  )
    .filter((e) => seesEventDetails(actor, eventRecordOf(e, officials)))
    .map((e) => ({ id: e.id, title: e.title, start: e.startsAt.toISOString() }));
  const invitations = AGENDA_ROLES.invitationsRead.includes(actor.role)
    ? (
        await db
          .select()
          .from(agendaInvitations)
          .where(and(eq(agendaInvitations.orgId, actor.orgId), eq(agendaInvitations.organiserContactId, contactId)))
      ).map((i) => ({ id: i.id, title: i.title, start: i.startsAt.toISOString(), status: i.status }))
    : [];
  return { events, invitations };
}

const KIND_WORDS: Record<string, string> = {
  meeting: 'réunion',
  trip: 'déplacement',
  ceremony: 'cérémonie',
  council_session: 'séance du conseil',
  office_hours: 'permanence',
  internal: 'réunion interne',
  private_block: 'créneau réservé',
};

/**
 * The timeline's statement: the events naming one of the contacts (`&&`, served by the GIN index
 * agenda_events_attendee_contacts_idx) that the viewer sees in full, newest first, before the cursor.
 * `own`: the viewer's own officials.
 */
export function agendaTimelineStatement(actor: Actor, own: string[], q: TimelineFetch): SQL {
  const entryId = sql`('agenda:' || e.id::text)`;
  const before = q.before
    ? sql`(date_trunc('milliseconds', e.starts_at) < ${q.before.at.toISOString()}::timestamptz
             or (date_trunc('milliseconds', e.starts_at) = ${q.before.at.toISOString()}::timestamptz
                 and ${entryId} collate "C" < ${q.before.id}))`
    : sql`true`;
  const visible = eventDetailsVisible(
    actor,
    { id: sql`e.id`, orgId: sql`e.org_id`, visibility: sql`e.visibility`, attendeeUserIds: sql`e.attendee_user_ids` },
    own,
  );
  return sql`select e.id::text as id, e.starts_at as at, e.title, e.kind, u.name as actor_name
          from agenda_events e left join users u on u.id = e.created_by
          where e.org_id = ${actor.orgId} and not e.cancelled
            and e.attendee_contact_ids && ${`{${q.contactIds.join(',')}}`}::uuid[]
            and ${visible} and ${before}
          order by date_trunc('milliseconds', e.starts_at) desc, ${entryId} collate "C" desc
          limit ${q.limit}`;
}

/** The contact's 360° page: the events they attend that the viewer sees in full, by their start. */
const agendaTimelineSource = {
  kind: 'agenda',
  async fetch(db: Queryable, actor: Actor, _contactId: string, q: TimelineFetch): Promise<TimelineItem[]> {
    // The officials' index is cached (officials-cache.ts): one stamp read on a warm cache.
    const own = (await loadOfficials(db, actor)).ofUser(actor.userId).map((o) => o.id);
    const rows = await queryRows<{
      id: string;
      at: Date | string;
      title: string;
      kind: string;
      actor_name: string | null;
    }>(db, agendaTimelineStatement(actor, own, q));
    return rows.map((r) => ({
      id: `agenda:${r.id}`,
      at: new Date(r.at),
      title: `Agenda : « ${r.title} »`,
      summary: KIND_WORDS[r.kind] ?? null,
      link: `/agenda/events/${r.id}`,
      actorName: r.actor_name,
    }));
  },
};

let registered = false;

/** The agenda's links into the directory: merge (attendees, organisers), the 360° timeline, personal data. Idempotent. */
export function registerAgendaDirectorySources(): void {
  if (registered) return;
  registered = true;
  registerContactLink(attendeeLink);
  registerTimelineSource(agendaTimelineSource);
  registerContactLink(
    columnLink({ name: 'agenda_invitations', table: 'agenda_invitations', column: 'organiser_contact_id' }),
  );
  registerPersonalDataSource({
    key: 'agenda',
    fetch: agendaOfContact,
    // Erasure takes the person off the events' attendees and off the invitations they sent
    // (the name copied there too); the events and invitations are the cabinet's work and stay.
    async erase(tx, orgId, contactId) {
      await tx.execute(
        sql`update agenda_events set attendee_contact_ids = array_remove(attendee_contact_ids, ${contactId}::uuid)
            where org_id = ${orgId} and attendee_contact_ids @> array[${contactId}::uuid]`,
      );
      await tx
        .update(agendaInvitations)
        .set({ organiserContactId: null, organiserName: ANONYMISED_NAME })
        .where(and(eq(agendaInvitations.orgId, orgId), eq(agendaInvitations.organiserContactId, contactId)));
    },
  });
}
