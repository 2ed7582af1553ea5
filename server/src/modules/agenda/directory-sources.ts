import { ANONYMISED_NAME } from '@dircab/contracts';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../platform/db/client';
import type { Actor } from '../../platform/policy/actor';
import { columnLink, type MergePair, registerContactLink } from '../directory/merge/contact-link-registry';
import { registerPersonalDataSource } from '../directory/privacy/personal-data-sources';
import { AGENDA_ROLES, seesEventDetails } from './agenda.policy';
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
                where org_id = ${pair.orgId} and ${pair.duplicateId}::uuid = any(attendee_contact_ids)) old
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
        sql`${contactId}::uuid = any(${agendaEvents.attendeeContactIds})`,
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

let registered = false;

/** The agenda's links into the directory: merge (attendees, organisers) and personal data. Idempotent. */
export function registerAgendaDirectorySources(): void {
  if (registered) return;
  registered = true;
  registerContactLink(attendeeLink);
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
            where org_id = ${orgId} and ${contactId}::uuid = any(attendee_contact_ids)`,
      );
      await tx
        .update(agendaInvitations)
        .set({ organiserContactId: null, organiserName: ANONYMISED_NAME })
        .where(and(eq(agendaInvitations.orgId, orgId), eq(agendaInvitations.organiserContactId, contactId)));
    },
  });
}
